import type { HttpApp } from '@mercato/chassis';
import type { NotificationDeps } from '../deps.js';
import { accountRoutes } from './account.routes.js';
import { callbackRoutes } from './callbacks.routes.js';
import { registerDevMailboxRoutes } from './dev-mailbox.routes.js';
import { staffRoutes } from './staff.routes.js';

export async function registerRoutes(app: HttpApp, deps: NotificationDeps, mailbox: boolean): Promise<void> {
  accountRoutes(app, deps);
  staffRoutes(app, deps);
  await callbackRoutes(app, deps);
  if (mailbox) registerDevMailboxRoutes(app, deps);
}
