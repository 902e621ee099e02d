import type { FastifyRequest } from '@mercato/chassis';
import type { OrderDeps } from '../deps.js';

/**
 * Cart routes: anonymous is fine (a guest cart is opened by its id); a token, when sent, must be
 * valid, and makes the caller the owner of what they create and the only one who can open it.
 */
export function optionalUser(deps: OrderDeps) {
  return {
    preValidation: async (req: FastifyRequest) => {
      if (req.headers.authorization === undefined) return;
      req.identity = await deps.authenticator.authenticate(req);
    },
  };
}

/** A verified token is required (merging a guest cart into the caller's). */
export function signedIn(deps: OrderDeps) {
  return { preValidation: deps.authenticator.requireUser };
}
