import { Forbidden, type FastifyRequest } from '@mercato/chassis';
import { can, type Permission } from '../access/permissions.js';
import type { NotificationDeps } from '../deps.js';

/** Verifies the access token and the permission before the body is looked at. */
export function requires(deps: NotificationDeps, permission: Permission) {
  return {
    preValidation: async (req: FastifyRequest) => {
      const identity = await deps.authenticator.authenticate(req);
      if (!can(identity.roles, permission)) throw new Forbidden();
      req.identity = identity;
    },
  };
}
