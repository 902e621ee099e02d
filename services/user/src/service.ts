import { fileURLToPath } from 'node:url';
import { createAuthenticator, loadAccessTokenSettings, type ServiceModule } from '@mercato/chassis';
import { consumers } from './consumers/index.js';
import type { UserDeps } from './deps.js';
import { registerRoutes } from './http/routes.js';

/**
 * The user service: profiles, addresses, roles. See README.md for endpoints and events.
 */
export const userService: ServiceModule = {
  name: 'user',
  title: 'mercato user service',
  migrations: fileURLToPath(new URL('../migrations', import.meta.url)),
  async create({ db, outbox, logger, env }) {
    const authenticator = createAuthenticator({ settings: loadAccessTokenSettings(env), logger });
    const deps: UserDeps = { db, outbox, logger, authenticator };
    return { routes: (app) => registerRoutes(app, deps), consumers };
  },
};
