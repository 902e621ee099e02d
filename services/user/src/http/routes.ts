import type { HttpApp } from '@mercato/chassis';
import type { UserDeps } from '../deps.js';
import { addressesRoutes } from './addresses.routes.js';
import { meRoutes } from './me.routes.js';
import { usersRoutes } from './users.routes.js';

export function registerRoutes(app: HttpApp, deps: UserDeps): void {
  meRoutes(app, deps);
  addressesRoutes(app, deps);
  usersRoutes(app, deps);
}
