import { ConfigError, loadConfig } from '@mercato/chassis';
import { Type, type Static } from '@sinclair/typebox';
import { normaliseEmail } from './credentials/credentials.store.js';
import { loadOAuthConfig, type OAuthConfig } from './oauth/oauth.config.js';
import { checkPassword } from './passwords/password-policy.js';

/** A limit of the requests counted in AUTH_REQUEST_WINDOW_S; 0 turns it off. */
const requestLimit = (dflt: number, what: string) => Type.Integer({ minimum: 0, maximum: 1_000_000, default: dflt, description: `${what} (0: no limit)` });

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
    AUTH_RESET_TOKEN_TTL_S: Type.Integer({ minimum: 60, maximum: 86_400, default: 1800, description: 'the password-reset token lifetime in seconds: 60 to 86400' }),
    AUTH_VERIFY_TOKEN_TTL_S: Type.Integer({
      minimum: 300,
      maximum: 30 * 86_400,
      default: 2 * 86_400,
      description: 'the email-verification token lifetime in seconds: 300 to 2592000',
    }),
    AUTH_RESPONSE_FLOOR_MS: Type.Integer({
      minimum: 0,
      maximum: 5000,
      default: 300,
      description: 'the minimum time of answers that must not tell whether an email is registered, in ms: 0 to 5000',
    }),
    AUTH_LOGIN_WINDOW_S: Type.Integer({ minimum: 1, maximum: 86_400, default: 900, description: 'the window in which failed sign-ins are counted, in seconds' }),
    AUTH_LOGIN_FREE_FAILURES: Type.Integer({ minimum: 1, maximum: 1000, default: 5, description: 'failed sign-ins of an account before each further one must wait 2^(n-free) s' }),
    AUTH_LOGIN_LOCK_AFTER: Type.Integer({ minimum: 1, maximum: 10_000, default: 20, description: 'failed sign-ins of an account that lock it' }),
    AUTH_LOGIN_LOCK_S: Type.Integer({ minimum: 1, maximum: 86_400, default: 900, description: 'how long a locked account refuses sign-ins, in seconds' }),
    AUTH_LOGIN_IP_LIMIT: Type.Integer({ minimum: 1, maximum: 1_000_000, default: 100, description: 'failed sign-ins from one address per window' }),
    AUTH_REFRESH_REUSE_GRACE_S: Type.Integer({
      minimum: 0,
      maximum: 60,
      default: 10,
      description: 'seconds after its use in which a refresh token presented again gets the same successor instead of revoking its family: 0 to 60',
    }),
    AUTH_HASH_CONCURRENCY: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 64, description: 'password hashes run at once (default: the libuv thread pool size, UV_THREADPOOL_SIZE or 4)' }),
    ),
    AUTH_HASH_QUEUE: Type.Integer({ minimum: 0, maximum: 10_000, default: 16, description: 'password hashes that may wait; past this 503 busy with Retry-After' }),
    AUTH_REQUEST_WINDOW_S: Type.Integer({ minimum: 1, maximum: 86_400, default: 900, description: 'the window of the registration and recovery limits, in seconds' }),
    AUTH_REGISTER_IP_LIMIT: requestLimit(20, 'registrations per client address per window'),
    AUTH_RECOVERY_IP_LIMIT: requestLimit(30, 'password-forgot, reset and verification-resend requests per client address per window'),
    AUTH_ACCOUNT_REQUEST_LIMIT: requestLimit(5, 'registrations, and forgot, reset and resend requests, per account (email or user) per window'),
    AUTH_RESET_EMAIL_COOLDOWN_S: Type.Integer({
      minimum: 0,
      maximum: 86_400,
      default: 60,
      description: 'seconds after a reset or verification email during which no other is sent to the account (0: none)',
    }),
    ADMIN_EMAIL: Type.Optional(Type.String({ format: 'email', maxLength: 254, description: 'the email of the administrator ensured at start (with ADMIN_PASSWORD)' })),
    ADMIN_PASSWORD: Type.Optional(Type.String({ minLength: 1, maxLength: 128, description: 'the password of the administrator created at start (with ADMIN_EMAIL)' })),
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
  resetTokenTtlS: number;
  verifyTokenTtlS: number;
  /** Answers that must not reveal whether an email is registered take at least this long. */
  responseFloorMs: number;
  throttle: LoginThrottleConfig;
  limits: RequestLimitsConfig;
  /** A refresh token used less than this ago gets the same successor again (concurrent refreshes). */
  refreshReuseGraceS: number;
  hashing: { concurrency: number; maxQueue: number };
  /** No second reset (or verification) email to an account within this many seconds. */
  emailCooldownS: number;
  admin: { email: string; password: string } | undefined;
  /** Sign-in with Google and Facebook (its variables are in oauth/oauth.config.ts). */
  oauth: OAuthConfig;
}

export interface LoginThrottleConfig {
  windowS: number;
  freeFailures: number;
  lockAfter: number;
  lockS: number;
  ipLimit: number;
}

export interface RequestLimitsConfig {
  windowS: number;
  registerIpLimit: number;
  recoveryIpLimit: number;
  accountLimit: number;
}

/** Access tokens are for the platform's API: every service checks this audience. */
export const ACCESS_TOKEN_AUDIENCE = 'mercato-api';

export function loadAuthConfig(env: NodeJS.ProcessEnv): AuthConfig {
  const c: Static<typeof AuthConfigSchema> = loadConfig(AuthConfigSchema, env);
  if ((c.AUTH_SCRYPT_N & (c.AUTH_SCRYPT_N - 1)) !== 0) {
    throw new ConfigError(`Configuration error: AUTH_SCRYPT_N is invalid (got "${c.AUTH_SCRYPT_N}"); expected a power of two`);
  }
  if ((c.ADMIN_EMAIL === undefined) !== (c.ADMIN_PASSWORD === undefined)) {
    const missing = c.ADMIN_EMAIL === undefined ? 'ADMIN_EMAIL' : 'ADMIN_PASSWORD';
    throw new ConfigError(`Configuration error: ${missing} is missing; ADMIN_EMAIL and ADMIN_PASSWORD are set together or not at all`);
  }
  const admin = c.ADMIN_EMAIL !== undefined && c.ADMIN_PASSWORD !== undefined ? { email: normaliseEmail(c.ADMIN_EMAIL), password: c.ADMIN_PASSWORD } : undefined;
  if (admin) {
    const weak = checkPassword(admin.password, admin.email);
    if (weak) throw new ConfigError(`Configuration error: ADMIN_PASSWORD is invalid; the password ${weak}`);
  }
  return {
    issuer: c.AUTH_ISSUER,
    audience: ACCESS_TOKEN_AUDIENCE,
    accessTokenTtlS: c.AUTH_ACCESS_TOKEN_TTL_S,
    refreshTokenTtlS: c.AUTH_REFRESH_TOKEN_TTL_S,
    scryptN: c.AUTH_SCRYPT_N,
    keyEncryptionKey: c.AUTH_KEY_ENCRYPTION_KEY,
    keyDir: c.AUTH_KEY_DIR ?? `${c.MERCATO_DATA_DIR ?? './data'}/auth`,
    resetTokenTtlS: c.AUTH_RESET_TOKEN_TTL_S,
    verifyTokenTtlS: c.AUTH_VERIFY_TOKEN_TTL_S,
    responseFloorMs: c.AUTH_RESPONSE_FLOOR_MS,
    throttle: {
      windowS: c.AUTH_LOGIN_WINDOW_S,
      freeFailures: c.AUTH_LOGIN_FREE_FAILURES,
      lockAfter: c.AUTH_LOGIN_LOCK_AFTER,
      lockS: c.AUTH_LOGIN_LOCK_S,
      ipLimit: c.AUTH_LOGIN_IP_LIMIT,
    },
    limits: {
      windowS: c.AUTH_REQUEST_WINDOW_S,
      registerIpLimit: c.AUTH_REGISTER_IP_LIMIT,
      recoveryIpLimit: c.AUTH_RECOVERY_IP_LIMIT,
      accountLimit: c.AUTH_ACCOUNT_REQUEST_LIMIT,
    },
    refreshReuseGraceS: c.AUTH_REFRESH_REUSE_GRACE_S,
    hashing: { concurrency: c.AUTH_HASH_CONCURRENCY ?? (Number(env.UV_THREADPOOL_SIZE) || 4), maxQueue: c.AUTH_HASH_QUEUE },
    emailCooldownS: c.AUTH_RESET_EMAIL_COOLDOWN_S,
    admin,
    oauth: loadOAuthConfig(env),
  };
}
