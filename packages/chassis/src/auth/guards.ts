import type { FastifyRequest } from 'fastify';
import { Forbidden } from '../errors.js';
import type { Authenticator } from './identity.js';
import { can, type Permission } from './permissions.js';

/**
 * The route guards of every service, as route options: each verifies the caller before the body
 * is validated, so a caller without the right answers 401/403 and learns nothing about what the
 * route would accept. Handlers then read the caller with `callerOf(req)`. A service passes its
 * deps (anything holding its `authenticator`).
 */
interface HasAuthenticator {
  authenticator: Authenticator;
}

/** A verified access token holding `permission` (401 without one, 403 without the permission). */
export function requires(deps: HasAuthenticator, permission: Permission) {
  return {
    preValidation: async (req: FastifyRequest) => {
      const identity = await deps.authenticator.authenticate(req);
      if (!can(identity, permission)) throw new Forbidden(`This needs the permission ${permission}`);
      req.identity = identity;
    },
  };
}

/** Any verified access token: what the caller reaches is then scoped to them by the use case. */
export function signedIn(deps: HasAuthenticator) {
  return {
    preValidation: async (req: FastifyRequest) => {
      req.identity = await deps.authenticator.authenticate(req);
    },
  };
}

/** A public route that takes a token when one is sent (which must then verify) and then knows the caller. */
export function optionalIdentity(deps: HasAuthenticator) {
  return {
    preValidation: async (req: FastifyRequest) => {
      if (req.headers.authorization === undefined) return;
      req.identity = await deps.authenticator.authenticate(req);
    },
  };
}
