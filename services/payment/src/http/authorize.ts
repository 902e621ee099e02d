import { Forbidden, Unauthorized, type Access, type FastifyRequest, type Identity } from '@mercato/chassis';
import type { PaymentDeps } from '../deps.js';

/** Roles that may see every payment (refunds are the admin's alone, see adminOnly). */
export const STAFF_ROLES = ['admin', 'support'] as const;
/** The access `adminOnly` enforces, as the API document states it. */
export const admin: Access = { roles: ['admin'] };
export const isStaff = (identity: Identity): boolean => identity.roles.some((r) => (STAFF_ROLES as readonly string[]).includes(r));

/** A verified access token, any role: reads are then scoped to the caller's own payments. */
export function signedIn(deps: PaymentDeps) {
  return {
    preValidation: async (req: FastifyRequest) => {
      req.identity = await deps.authenticator.authenticate(req);
    },
  };
}

/**
 * A verified token with the `admin` role, checked before the body is validated. Refunds give
 * money back: one rule for them across the platform, the order's refund and the payment's
 * alike — the admin's. Support reads payments to help a customer; it does not move money.
 */
export function adminOnly(deps: PaymentDeps) {
  return {
    preValidation: async (req: FastifyRequest) => {
      const identity = await deps.authenticator.authenticate(req);
      if (!identity.roles.includes('admin')) throw new Forbidden('Refunds need the admin role');
      req.identity = identity;
    },
  };
}

export function identityOf(req: FastifyRequest): Identity {
  if (!req.identity) throw new Unauthorized();
  return req.identity;
}
