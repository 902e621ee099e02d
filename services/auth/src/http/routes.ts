import type { HttpApp } from '@mercato/chassis';
import type { AuthDeps } from '../deps.js';
import { authRoutes } from './auth.routes.js';
import { jwksRoutes } from './jwks.routes.js';
import { oauthRoutes } from './oauth.routes.js';
import { recoveryRoutes } from './recovery.routes.js';
import { sessionGenerationRoutes } from './sessions.routes.js';

export function registerRoutes(app: HttpApp, deps: AuthDeps): void {
  authRoutes(app, deps);
  recoveryRoutes(app, deps);
  jwksRoutes(app, deps);
  oauthRoutes(app, deps);
  sessionGenerationRoutes(app, deps);
}
