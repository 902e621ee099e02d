import { hkdfSync, randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { Db, ServiceModule } from '@mercato/chassis';
import { loadAuthConfig } from './config.js';
import type { AuthDeps } from './deps.js';
import { ensureAdmin } from './auth/ensure-admin.js';
import { consumers } from './consumers/index.js';
import { registerRoutes } from './http/routes.js';
import { loadKeyEncryptionKey } from './keys/key-encryption-key.js';
import { KeyRing } from './keys/key-ring.js';
import { rotateKeys, type Rotation } from './keys/rotate-keys.js';
import { HashGate } from './passwords/hash-gate.js';
import { hashPassword, OWASP_SCRYPT } from './passwords/password-hasher.js';

/**
 * The auth service: credentials, refresh-token sessions, signing keys and the JWKS.
 * See README.md for endpoints, configuration and key handling.
 */
export const authService: ServiceModule = {
  name: 'auth',
  title: 'mercato auth service',
  migrations: fileURLToPath(new URL('../migrations', import.meta.url)),
  async create({ db, outbox, logger, env, settings }) {
    const config = loadAuthConfig(env);
    const embedded = settings.busUrl.startsWith('memory://');
    const kek = await loadKeyEncryptionKey({ configured: config.keyEncryptionKey, keyDir: config.keyDir, embedded });
    if (kek.file) logger.info({ file: kek.file }, 'signing keys are encrypted with the generated key in this file');
    const keys = new KeyRing(db, kek.key);
    await keys.ensureKeys();
    const scrypt = { ...OWASP_SCRYPT, N: config.scryptN };
    const dummyHash = hashPassword(randomBytes(16).toString('base64url'), scrypt);
    dummyHash.catch((err: unknown) => logger.error({ err }, 'could not prepare the unknown-email hash'));
    const deps: AuthDeps = {
      db,
      outbox,
      logger,
      config,
      keys,
      scrypt,
      // Made off the start's critical path (scrypt runs on the thread pool): ready by the first login.
      dummyHash,
      hashGate: new HashGate(config.hashing),
      refreshSuccessorKey: Buffer.from(hkdfSync('sha256', kek.key, Buffer.alloc(0), 'mercato refresh-token successor', 32)),
    };
    if (config.admin) await ensureAdmin(deps, config.admin);
    return { routes: (app) => registerRoutes(app, deps), consumers };
  },
};

export { rotateKeys, type Rotation } from './keys/rotate-keys.js';

/**
 * Rotates the signing keys from outside the service (the operator CLI): opens the existing keys
 * with AUTH_KEY_ENCRYPTION_KEY or the embedded mode's key file (never generating one), then
 * runs the same use case. Running instances pick the new active key within ${'`'}ACTIVE_KEY_CACHE_S${'`'}.
 */
export async function rotateSigningKeys(db: Db, env: NodeJS.ProcessEnv): Promise<Rotation> {
  const config = loadAuthConfig(env);
  const kek = await loadKeyEncryptionKey({ configured: config.keyEncryptionKey, keyDir: config.keyDir, embedded: true, create: false });
  const keys = new KeyRing(db, kek.key);
  // Prove the key opens the stored keys before sealing a new one with it: a wrong key would
  // publish a next key that no instance can use.
  await keys.signingKey();
  return rotateKeys({ db, config, keys });
}
export { verifyJwt, keysFromJwks, JwtError, type AccessClaims } from './tokens/jwt.js';
