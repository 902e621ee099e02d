import type { HttpApp } from '@mercato/chassis';
import type { PaymentDeps } from '../deps.js';
import { pagesRoutes } from './pages.routes.js';
import { paymentsRoutes } from './payments.routes.js';
import { webhooksRoutes } from './webhooks.routes.js';

export function registerRoutes(app: HttpApp, deps: PaymentDeps): void {
  paymentsRoutes(app, deps);
  webhooksRoutes(app, deps);
  pagesRoutes(app, deps);
}
