import { requirePermission } from '@mercato/chassis';
import { can, type Permission } from '../access/permissions.js';
import type { NotificationDeps } from '../deps.js';

/** Verifies the access token and the permission before the body is looked at. */
export const requires = (deps: NotificationDeps, permission: Permission) => requirePermission(deps.authenticator, (roles) => can(roles, permission));
