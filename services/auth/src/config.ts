import { ConfigError, loadConfig } from '@mercato/chassis';
import { Type, type Static } from '@sinclair/typebox';

/** The auth service's own variables (the chassis reads the common ones). */
export const AuthConfigSchema = Type.Object(
  {
    AUTH_ISSUER: Type.String({ minLength: 1, maxLength: 200, default: 'mercato', description: 'the `iss` of access tokens' }),
    AUTH_ACCESS_TOKEN_TTL_S: Type.Integer({
      minimum: 60,
      maximum: 86_400,
      default: 900,
      description: 'the access-token lifetime in seconds: an integer from 60 to 86400',
    }),
    AUTH_REFRESH_TOKEN_TTL_S: Type.Integer({
      minimum: 300,
      maximum: 31_536_000,
      default: 30 * 86_400,
      description: 'the refresh-token lifetime in seconds: an integer from 300 to 31536000',
    }),
    AUTH_SCRYPT_N: Type.Integer({
      minimum: 1024,
      maximum: 1_048_576,
      default: 131_072,
      description: 'the scrypt cost N: a power of two from 1024 to 1048576 (OWASP: 131072)',
    }),
    AUTH_KEY_ENCRYPTION_KEY: Type.Optional(
      Type.String({
        pattern: '^[A-Za-z0-9_-]{43}$',
        description: '32 random bytes in base64url (43 characters) that encrypt the signing keys at rest',
      }),
    ),
    AUTH_KEY_DIR: Type.Optional(
      Type.String({ minLength: 1, maxLength: 1024, description: 'a folder for the generated key-encryption key (embedded mode)' }),
    ),
    MERCATO_DATA_DIR: Type.Optional(Type.String({ minLength: 1, maxLength: 1024, description: 'the data folder of the embedded mode' })),
  },
  { additionalProperties: true },
);

export interface AuthConfig {
  issuer: string;
  audience: string;
  accessTokenTtlS: number;
  refreshTokenTtlS: number;
  scryptN: number;
  keyEncryptionKey: string | undefined;
  keyDir: string;
}

/** Access tokens are for the platform's API: every service checks this audience. */
export const ACCESS_TOKEN_AUDIENCE = 'mercato-api';

export function loadAuthConfig(env: NodeJS.ProcessEnv): AuthConfig {
  const c: Static<typeof AuthConfigSchema> = loadConfig(AuthConfigSchema, env);
  if ((c.AUTH_SCRYPT_N & (c.AUTH_SCRYPT_N - 1)) !== 0) {
    throw new ConfigError(`Configuration error: AUTH_SCRYPT_N is invalid (got "${c.AUTH_SCRYPT_N}"); expected a power of two`);
  }
  return {
    issuer: c.AUTH_ISSUER,
    audience: ACCESS_TOKEN_AUDIENCE,
    accessTokenTtlS: c.AUTH_ACCESS_TOKEN_TTL_S,
    refreshTokenTtlS: c.AUTH_REFRESH_TOKEN_TTL_S,
    scryptN: c.AUTH_SCRYPT_N,
    keyEncryptionKey: c.AUTH_KEY_ENCRYPTION_KEY,
    keyDir: c.AUTH_KEY_DIR ?? `${c.MERCATO_DATA_DIR ?? './data'}/auth`,
  };
}
