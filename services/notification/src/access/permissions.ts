import type { Role } from '@mercato/contracts';

/** The one map from roles to what they may do here; routes name permissions, never roles. */
export const PERMISSIONS = ['notifications:own', 'notifications:log:read', 'notifications:resend', 'notifications:templates:preview', 'notifications:mailbox'] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = Object.freeze({
  customer: ['notifications:own'],
  catalog_manager: ['notifications:own', 'notifications:templates:preview'],
  // Support answers "I never got the email": they read the log and send again.
  support: ['notifications:own', 'notifications:log:read', 'notifications:resend', 'notifications:templates:preview'],
  admin: ['notifications:own', 'notifications:log:read', 'notifications:resend', 'notifications:templates:preview', 'notifications:mailbox'],
});

export function can(roles: readonly string[], permission: Permission): boolean {
  return roles.some((r) => Object.hasOwn(ROLE_PERMISSIONS, r) && ROLE_PERMISSIONS[r as Role].includes(permission));
}
