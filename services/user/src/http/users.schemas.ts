import { Id, Role } from '@mercato/contracts';
import { Type } from '@sinclair/typebox';

/** A person's name or an address line: bounded, and not blank. */
export const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: '\\S' });
export const Phone = Type.String({ minLength: 3, maxLength: 32, pattern: '^\\+?[0-9][0-9 ().-]*[0-9]$', description: 'Digits, spaces, ( ) . - and an optional leading +' });
const Timestamp = Type.String({ format: 'date-time' });

export const ProfileSchema = Type.Object(
  {
    id: Type.String(),
    email: Type.String(),
    emailVerified: Type.Boolean({ description: 'Whether the user proved they own the address (the emailed link, or Google/Facebook vouching for it)' }),
    name: Type.String(),
    phone: Type.Union([Type.String(), Type.Null()]),
    roles: Type.Array(Type.String()),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  { additionalProperties: false },
);

export const PatchMeBody = Type.Object(
  { name: Type.Optional(Text(200)), phone: Type.Optional(Type.Union([Phone, Type.Null()])) },
  { additionalProperties: false },
);

export const ListUsersQuery = Type.Object(
  {
    limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    email: Type.Optional(Type.String({ minLength: 1, maxLength: 254, description: 'Prefix of the email, any case' })),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 200, pattern: '\\S', description: 'A prefix of the email or any part of the name, any case' })),
    role: Type.Optional(Role),
  },
  { additionalProperties: false },
);

export const UserPageSchema = Type.Object(
  { items: Type.Array(ProfileSchema), nextCursor: Type.Union([Type.String(), Type.Null()]) },
  { additionalProperties: false },
);

export const UserParams = Type.Object({ id: Id('User id') }, { additionalProperties: false });

export const PutRolesBody = Type.Object(
  { roles: Type.Array(Role, { minItems: 1, maxItems: 4, uniqueItems: true }) },
  { additionalProperties: false },
);
