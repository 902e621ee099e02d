import { Type } from '@sinclair/typebox';
import { Email, Id, Locale, Name, Role, Timestamp, TimeZone } from '../common.js';

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

/** The password of an account was changed: by its user (with the current one) or through a reset link. Told to the user by email. */
export const PasswordChangedV1 = Type.Object(
  {
    userId: Id(),
    email: Email,
    name: Name,
    via: Type.Union([Type.Literal('change'), Type.Literal('reset')], { description: 'Signed in with the current password, or the emailed reset link' }),
    changedAt: Timestamp,
  },
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

/**
 * Version 2 adds what the notification service needs to reach a customer in their own terms:
 * phone (E.164), language and time zone. Every field is always present (null when unset).
 */
export const UserUpdatedV2 = Type.Object(
  {
    userId: Id(),
    email: Email,
    name: Name,
    phone: Type.Union([Type.String({ pattern: '^\\+[1-9][0-9]{6,14}$', maxLength: 16, description: 'E.164' }), Type.Null()]),
    locale: Type.Union([Locale, Type.Null()]),
    timeZone: Type.Union([TimeZone, Type.Null()]),
    changed: Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 32 }),
  },
  { additionalProperties: false },
);

/**
 * A user erased their account (or an administrator did, on their request): every service
 * erases or anonymises what it holds about them. Orders are kept, anonymised, for the books.
 */
export const UserDeletedV1 = Type.Object(
  {
    userId: Id(),
    deletedBy: Type.Union([Id(), Type.Null()], { description: 'the administrator who erased the account; null when the user did' }),
    deletedAt: Timestamp,
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
