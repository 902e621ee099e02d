import type { Role } from '@mercato/contracts';

/**
 * The one map from roles to what they may do in this service. Routes name a permission, never
 * a role. Availability is public and needs none.
 */
export const PERMISSIONS = ['stock:read', 'stock:write', 'warehouses:read', 'warehouses:write'] as const;
export type Permission = (typeof PERMISSIONS)[number];

const STOCK_MANAGER: readonly Permission[] = ['stock:read', 'stock:write', 'warehouses:read', 'warehouses:write'];

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = Object.freeze({
  customer: [],
  support: [],
  catalog_manager: STOCK_MANAGER,
  admin: STOCK_MANAGER,
});

/** True when any of `roles` grants `permission`. Unknown roles grant nothing. */
export function can(roles: readonly string[], permission: Permission): boolean {
  return roles.some((r) => Object.hasOwn(ROLE_PERMISSIONS, r) && ROLE_PERMISSIONS[r as Role].includes(permission));
}
