import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { ServiceModule } from '@mercato/chassis';
import { loadAuthConfig } from './config.js';
import type { AuthDeps } from './deps.js';
import { registerRoutes } from './http/routes.js';
import { loadKeyEncryptionKey } from './keys/key-encryption-key.js';
import { KeyRing } from './keys/key-ring.js';
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
    const deps: AuthDeps = {
      db,
      outbox,
      logger,
      config,
      keys,
      scrypt,
      dummyHash: await hashPassword(randomBytes(16).toString('base64url'), scrypt),
    };
    return { routes: (app) => registerRoutes(app, deps) };
  },
};

export { rotateKeys } from './keys/rotate-keys.js';
export { verifyJwt, keysFromJwks, JwtError, type AccessClaims } from './tokens/jwt.js';
