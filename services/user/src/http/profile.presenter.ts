import type { Profile } from '../profiles/profiles.store.js';

/** Rows never leave the service as they are: the public fields, camelCase, ISO times. */
export function presentProfile(p: Profile) {
  return {
    id: p.userId,
    email: p.email,
    emailVerified: p.emailVerified,
    name: p.name,
    phone: p.phone,
    roles: p.roles,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}
