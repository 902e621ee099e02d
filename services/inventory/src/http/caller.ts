import { Unauthorized, type FastifyRequest } from '@mercato/chassis';

export interface Caller {
  userId: string;
  roles: string[];
}

/**
 * Who is calling: the identity the chassis verified from the access token (signature, issuer,
 * audience, expiry) in the route's `requires(...)` step. The one place routes learn it.
 */
export function callerOf(req: FastifyRequest): Caller {
  if (!req.identity) throw new Unauthorized();
  return { userId: req.identity.userId, roles: [...req.identity.roles] };
}
