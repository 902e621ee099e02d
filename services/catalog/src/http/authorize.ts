import { Forbidden, type Access, type FastifyRequest, type Identity } from '@mercato/chassis';
import type { CatalogDeps } from '../deps.js';

export const MANAGER_ROLES = ['admin', 'catalog_manager'] as const;
/** The access `managersOnly` enforces, as the API document states it. */
export const managers: Access = { roles: MANAGER_ROLES };
export const isManager = (identity: Identity | undefined): boolean => !!identity && identity.roles.some((r) => (MANAGER_ROLES as readonly string[]).includes(r));

/**
 * Route options for catalog writes: a verified token with the `admin` or `catalog_manager` role,
 * checked before the body is validated (a caller without the right learns nothing more).
 */
export function managersOnly(deps: CatalogDeps) {
  return {
    preValidation: async (req: FastifyRequest) => {
      const identity = await deps.authenticator.authenticate(req);
      if (!isManager(identity)) throw new Forbidden('Changing the catalog needs the catalog_manager or admin role');
      req.identity = identity;
    },
  };
}

/**
 * Public reads: anonymous is fine; a token, when sent, must be valid, and a manager's token
 * also shows drafts and archived products (and bypasses the shared cache).
 */
export function readerOptions(deps: CatalogDeps) {
  return {
    preValidation: async (req: FastifyRequest) => {
      if (req.headers.authorization === undefined) return;
      req.identity = await deps.authenticator.authenticate(req);
    },
  };
}
