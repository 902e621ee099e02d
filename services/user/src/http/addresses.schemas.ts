import { Id } from '@mercato/contracts';
import { Type } from '@sinclair/typebox';
import { Phone, Text } from './users.schemas.js';

const Country = Type.String({ minLength: 2, maxLength: 2, pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2, upper case (assigned codes only)' });
const Nullable = <T extends ReturnType<typeof Text>>(s: T) => Type.Optional(Type.Union([s, Type.Null()]));

const fields = {
  name: Text(200),
  line1: Text(200),
  line2: Nullable(Text(200)),
  city: Text(100),
  region: Nullable(Text(100)),
  postalCode: Nullable(Type.String({ minLength: 1, maxLength: 20, pattern: '^[A-Za-z0-9][A-Za-z0-9 -]*$' })),
  country: Country,
  phone: Type.Optional(Type.Union([Phone, Type.Null()])),
  isDefaultShipping: Type.Optional(Type.Boolean()),
  isDefaultBilling: Type.Optional(Type.Boolean()),
};

export const AddressBody = Type.Object(fields, { additionalProperties: false });

export const AddressPatchBody = Type.Object(
  {
    ...fields,
    name: Type.Optional(fields.name),
    line1: Type.Optional(fields.line1),
    city: Type.Optional(fields.city),
    country: Type.Optional(fields.country),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const AddressParams = Type.Object({ id: Id('Address id') }, { additionalProperties: false });

export const AddressSchema = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    line1: Type.String(),
    line2: Type.Union([Type.String(), Type.Null()]),
    city: Type.String(),
    region: Type.Union([Type.String(), Type.Null()]),
    postalCode: Type.Union([Type.String(), Type.Null()]),
    country: Type.String(),
    phone: Type.Union([Type.String(), Type.Null()]),
    isDefaultShipping: Type.Boolean(),
    isDefaultBilling: Type.Boolean(),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false },
);

export const AddressListSchema = Type.Object({ items: Type.Array(AddressSchema) }, { additionalProperties: false });
