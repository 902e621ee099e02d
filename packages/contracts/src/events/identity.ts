import { Type } from '@sinclair/typebox';
import { Email, Id, Name, Role, Timestamp } from '../common.js';

// Published by auth.
export const UserRegisteredV1 = Type.Object(
  {
    userId: Id(),
    email: Email,
    name: Name,
    emailVerified: Type.Boolean(),
    method: Type.Union([Type.Literal('password'), Type.Literal('google'), Type.Literal('facebook')]),
    roles: Type.Array(Role, { minItems: 1, maxItems: 4 }),
  },
  { additionalProperties: false },
);

const Token = Type.String({ minLength: 16, maxLength: 256, description: 'Single-use secret, sent only by email' });

export const PasswordResetRequestedV1 = Type.Object(
  { userId: Id(), email: Email, name: Name, token: Token, expiresAt: Timestamp },
  { additionalProperties: false },
);

export const EmailVerificationRequestedV1 = Type.Object(
  { userId: Id(), email: Email, name: Name, token: Token, expiresAt: Timestamp },
  { additionalProperties: false },
);

/** The user proved they own the email address (the emailed link, or a provider that vouches for it). */
export const EmailVerifiedV1 = Type.Object(
  {
    userId: Id(),
    email: Email,
    via: Type.Union([Type.Literal('link'), Type.Literal('google'), Type.Literal('facebook')], { description: 'How it was proven' }),
  },
  { additionalProperties: false },
);

// Published by user.
export const UserUpdatedV1 = Type.Object(
  {
    userId: Id(),
    email: Email,
    name: Name,
    changed: Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 32 }),
  },
  { additionalProperties: false },
);

export const RolesChangedV1 = Type.Object(
  {
    userId: Id(),
    roles: Type.Array(Role, { minItems: 1, maxItems: 4, uniqueItems: true }),
    previousRoles: Type.Array(Role, { maxItems: 4, uniqueItems: true }),
    changedBy: Type.Union([Id(), Type.Null()]),
  },
  { additionalProperties: false },
);
