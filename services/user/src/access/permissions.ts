import type { Role } from '@mercato/contracts';

/**
 * The one map from roles to what they may do in this service. Routes name a permission, never
 * a role, so a change of policy is a change here and nowhere else.
 */
export const PERMISSIONS = [
  'profile:read:own',
  'profile:write:own',
  'addresses:read:own',
  'addresses:write:own',
  'users:read',
  'users:roles:write',
  'users:erase',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const OWN: readonly Permission[] = ['profile:read:own', 'profile:write:own', 'addresses:read:own', 'addresses:write:own'];

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = Object.freeze({
  customer: OWN,
  catalog_manager: OWN,
  // Support looks customers up to help them; it does not grant roles.
  support: [...OWN, 'users:read'],
  admin: [...OWN, 'users:read', 'users:roles:write', 'users:erase'],
});

/** True when any of `roles` grants `permission`. Unknown roles grant nothing. */
export function can(roles: readonly string[], permission: Permission): boolean {
  return roles.some((r) => Object.hasOwn(ROLE_PERMISSIONS, r) && ROLE_PERMISSIONS[r as Role].includes(permission));
}
