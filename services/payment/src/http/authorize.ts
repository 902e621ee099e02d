import { Forbidden, Unauthorized, type Access, type FastifyRequest, type Identity } from '@mercato/chassis';
import type { PaymentDeps } from '../deps.js';

/** Roles that may see every payment and refund one. */
export const STAFF_ROLES = ['admin', 'support'] as const;
/** The access `staffOnly` enforces, as the API document states it. */
export const staff: Access = { roles: STAFF_ROLES };
export const isStaff = (identity: Identity): boolean => identity.roles.some((r) => (STAFF_ROLES as readonly string[]).includes(r));

/** A verified access token, any role: reads are then scoped to the caller's own payments. */
export function signedIn(deps: PaymentDeps) {
  return {
    preValidation: async (req: FastifyRequest) => {
      req.identity = await deps.authenticator.authenticate(req);
    },
  };
}

/** A verified token with the `admin` or `support` role, checked before the body is validated. */
export function staffOnly(deps: PaymentDeps) {
  return {
    preValidation: async (req: FastifyRequest) => {
      const identity = await deps.authenticator.authenticate(req);
      if (!isStaff(identity)) throw new Forbidden('Refunds need the admin or support role');
      req.identity = identity;
    },
  };
}

export function identityOf(req: FastifyRequest): Identity {
  if (!req.identity) throw new Unauthorized();
  return req.identity;
}
