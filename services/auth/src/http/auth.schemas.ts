import { Email, Name } from '@mercato/contracts';
import { Type } from '@sinclair/typebox';

// The password policy (12 to 128 characters, not common) is checked by the use case, with a
// reason; the schema only bounds what is read.
const Password = Type.String({ minLength: 1, maxLength: 1024 });
const RefreshTokenValue = Type.String({ minLength: 1, maxLength: 512 });

export const RegisterBody = Type.Object({ email: Email, password: Password, name: Name }, { additionalProperties: false });
export const LoginBody = Type.Object({ email: Type.String({ minLength: 1, maxLength: 254 }), password: Password }, { additionalProperties: false });
export const RefreshBody = Type.Object({ refreshToken: RefreshTokenValue }, { additionalProperties: false });

export const TokenPairSchema = Type.Object(
  {
    accessToken: Type.String({ description: 'JWT (EdDSA), for `Authorization: Bearer`' }),
    refreshToken: Type.String({ description: 'Opaque, single use: each refresh returns a new one' }),
    expiresIn: Type.Integer({ description: 'Access-token lifetime in seconds' }),
    tokenType: Type.Literal('Bearer'),
  },
  { additionalProperties: false },
);

export const JwksSchema = Type.Object(
  {
    keys: Type.Array(
      Type.Object({
        kty: Type.Literal('OKP'),
        crv: Type.Literal('Ed25519'),
        x: Type.String(),
        kid: Type.String(),
        alg: Type.Literal('EdDSA'),
        use: Type.Literal('sig'),
      }),
    ),
  },
  { additionalProperties: false },
);

const OneTimeTokenValue = Type.String({ minLength: 1, maxLength: 256 });
export const EmailBody = Type.Object({ email: Type.String({ minLength: 1, maxLength: 254 }) }, { additionalProperties: false });
export const ChangePasswordBody = Type.Object({ currentPassword: Password, newPassword: Password }, { additionalProperties: false });
export const ResetPasswordBody = Type.Object({ token: OneTimeTokenValue, password: Password }, { additionalProperties: false });
export const VerifyEmailBody = Type.Object({ token: OneTimeTokenValue }, { additionalProperties: false });
