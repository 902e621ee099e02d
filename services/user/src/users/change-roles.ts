import type { Role } from '@mercato/contracts';
import type { UserDeps } from '../deps.js';
import { ProfileNotFound } from '../profiles/profile.errors.js';
import { profilesStore, type Profile } from '../profiles/profiles.store.js';

const ORDER: readonly Role[] = ['customer', 'admin', 'catalog_manager', 'support'];

/** Roles as a set, in one canonical order, so equal sets compare equal. */
export function normaliseRoles(roles: readonly Role[]): Role[] {
  return ORDER.filter((r) => roles.includes(r));
}

/**
 * Replaces a user's roles and emits RolesChanged (with the previous roles and who changed them)
 * in the same transaction. Setting the roles a user already has changes and emits nothing.
 */
export async function changeRoles(deps: UserDeps, userId: string, roles: readonly Role[], changedBy: string): Promise<Profile> {
  const next = normaliseRoles(roles);
  return deps.db.tx(async (tx) => {
    const current = await profilesStore.byId(tx, userId, { forUpdate: true });
    if (!current) throw new ProfileNotFound();
    const previousRoles = normaliseRoles(current.roles);
    if (previousRoles.join() === next.join()) return current;
    const updated = await profilesStore.update(tx, userId, { roles: next });
    await deps.outbox.emit(tx, 'RolesChanged', { userId, roles: next, previousRoles, changedBy }, userId);
    return updated;
  });
}
