import type { Role } from '@mercato/contracts';
import { accessFor, type Access } from '../http/operation.js';
import type { Identity } from './identity.js';

/**
 * The one map from roles to what they may do, for the whole platform. Routes and use cases name
 * a permission, never a role, so a change of policy is a change here and nowhere else; the API
 * document derives each route's access from the same map (`accessOf`).
 */
export const PERMISSIONS = [
  // user
  'profile:read:own',
  'profile:write:own',
  'addresses:read:own',
  'addresses:write:own',
  'users:read',
  'users:roles:write',
  'users:erase',
  // catalog: writes, and seeing drafts and archived products
  'catalog:write',
  'catalog:read:unpublished',
  // inventory
  'stock:read',
  'stock:write',
  'warehouses:read',
  'warehouses:write',
  // orders and payments of every customer (a customer reaches their own without a permission)
  'orders:read:any',
  'orders:stats:read',
  'orders:fulfil',
  'payments:read:any',
  // giving money back: one rule for the order's refund and the payment's alike
  'refunds:create',
  // reviews
  'reviews:write:own',
  'reviews:vote',
  'reviews:report',
  'reviews:moderate',
  'reviews:reply',
  'reviews:delete:any',
  // notifications
  'notifications:own',
  'notifications:log:read',
  'notifications:resend',
  'notifications:templates:preview',
  'notifications:mailbox',
  // the operator endpoints (dead letters, replays)
  'operations',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const OWN: readonly Permission[] = ['profile:read:own', 'profile:write:own', 'addresses:read:own', 'addresses:write:own', 'notifications:own'];
const SHOPPER: readonly Permission[] = [...OWN, 'reviews:write:own', 'reviews:vote', 'reviews:report'];
const CATALOG: readonly Permission[] = ['catalog:write', 'catalog:read:unpublished', 'stock:read', 'stock:write', 'warehouses:read', 'warehouses:write'];

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = Object.freeze({
  customer: SHOPPER,
  // Catalog managers keep products and stock, and answer questions about their products; they
  // do not moderate.
  catalog_manager: [...SHOPPER, ...CATALOG, 'reviews:reply', 'notifications:templates:preview'],
  // Support helps customers: it reads users, orders, payments and the notification log, sends
  // an email again and moderates reviews; it neither grants roles nor moves money.
  support: [
    ...SHOPPER,
    'users:read',
    'orders:read:any',
    'orders:stats:read',
    'payments:read:any',
    'reviews:moderate',
    'reviews:reply',
    'notifications:log:read',
    'notifications:resend',
    'notifications:templates:preview',
  ],
  admin: [...PERMISSIONS],
});

/** True when any of the caller's roles grants `permission`. Unknown roles, and nobody, grant nothing. */
export function can(who: Identity | readonly string[] | undefined, permission: Permission): boolean {
  if (who === undefined) return false;
  const roles = 'roles' in who ? who.roles : who;
  return roles.some((r) => Object.hasOwn(ROLE_PERMISSIONS, r) && ROLE_PERMISSIONS[r as Role].includes(permission));
}

/** The access a route guarded by `permission` declares in the API document. */
export function accessOf(permission: Permission): Access {
  return accessFor(ROLE_PERMISSIONS, permission);
}
