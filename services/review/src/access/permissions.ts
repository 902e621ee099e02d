import type { Role } from '@mercato/contracts';

/** The one map from roles to what they may do with reviews; routes name permissions, never roles. */
export const PERMISSIONS = ['reviews:write:own', 'reviews:vote', 'reviews:report', 'reviews:moderate', 'reviews:reply', 'reviews:delete:any'] as const;
export type Permission = (typeof PERMISSIONS)[number];

const CUSTOMER: readonly Permission[] = ['reviews:write:own', 'reviews:vote', 'reviews:report'];

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = Object.freeze({
  customer: CUSTOMER,
  // Catalog managers answer questions about their products; they do not moderate.
  catalog_manager: [...CUSTOMER, 'reviews:reply'],
  support: [...CUSTOMER, 'reviews:moderate', 'reviews:reply'],
  admin: [...CUSTOMER, 'reviews:moderate', 'reviews:reply', 'reviews:delete:any'],
});

export function can(roles: readonly string[], permission: Permission): boolean {
  return roles.some((r) => Object.hasOwn(ROLE_PERMISSIONS, r) && ROLE_PERMISSIONS[r as Role].includes(permission));
}
