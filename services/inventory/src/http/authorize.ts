import { Forbidden, type FastifyRequest } from '@mercato/chassis';
import { can, type Permission } from '../access/permissions.js';
import type { InventoryDeps } from '../deps.js';

/**
 * Route options that verify the caller's access token and check the permission before the body
 * is validated: a caller without the right answers 401/403 and learns nothing about what the
 * route would accept.
 */
export function requires(deps: InventoryDeps, permission: Permission) {
  return {
    preValidation: async (req: FastifyRequest) => {
      const identity = await deps.authenticator.authenticate(req);
      if (!can(identity.roles, permission)) throw new Forbidden();
      req.identity = identity;
    },
  };
}
