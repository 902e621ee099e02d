import { optionalIdentity, requirePermission } from '@mercato/chassis';
import { can, type Permission } from '../access/permissions.js';
import type { ReviewDeps } from '../deps.js';

/** Verifies the access token and the permission before the body is looked at. */
export const requires = (deps: ReviewDeps, permission: Permission) => requirePermission(deps.authenticator, (roles) => can(roles, permission));

/** Public reads: a token, when sent, must be valid, and lets the answer mark the caller's own votes. */
export const optionalUser = (deps: ReviewDeps) => optionalIdentity(deps.authenticator);
