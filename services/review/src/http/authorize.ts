import { Forbidden, type FastifyRequest } from '@mercato/chassis';
import { can, type Permission } from '../access/permissions.js';
import type { ReviewDeps } from '../deps.js';

/** Verifies the access token and the permission before the body is looked at. */
export function requires(deps: ReviewDeps, permission: Permission) {
  return {
    preValidation: async (req: FastifyRequest) => {
      const identity = await deps.authenticator.authenticate(req);
      if (!can(identity.roles, permission)) throw new Forbidden();
      req.identity = identity;
    },
  };
}

/** Public reads: a token, when sent, must be valid, and lets the answer mark the caller's own votes. */
export function optionalUser(deps: ReviewDeps) {
  return {
    preValidation: async (req: FastifyRequest) => {
      if (req.headers.authorization === undefined) return;
      req.identity = await deps.authenticator.authenticate(req);
    },
  };
}
