import { Type } from '@sinclair/typebox';
import { AddressSchema } from './addresses.schemas.js';
import { ProfileSchema } from './users.schemas.js';

/** A user as staff see them: the profile and the address book. */
export const CustomerSchema = Type.Object(
  { ...ProfileSchema.properties, addresses: Type.Array(AddressSchema, { description: 'The address book, oldest first' }) },
  { additionalProperties: false },
);
