import type { UserDeps } from '../deps.js';
import { ProfileNotFound } from './profile.errors.js';
import { profilesStore, type Profile } from './profiles.store.js';

export interface ProfilePatch {
  name?: string;
  phone?: string | null;
}

/**
 * Applies a patch to the caller's profile and, in the same transaction, emits UserUpdated naming
 * the fields that changed. A patch that changes nothing writes nothing and emits nothing.
 */
export async function updateProfile(deps: UserDeps, userId: string, patch: ProfilePatch): Promise<Profile> {
  return deps.db.tx(async (tx) => {
    const current = await profilesStore.byId(tx, userId, { forUpdate: true });
    if (!current) throw new ProfileNotFound();
    const fields: ProfilePatch = {};
    if (patch.name !== undefined && patch.name !== current.name) fields.name = patch.name;
    if (patch.phone !== undefined && patch.phone !== current.phone) fields.phone = patch.phone;
    const changed = Object.keys(fields);
    if (changed.length === 0) return current;
    const updated = await profilesStore.update(tx, userId, fields);
    await deps.outbox.emit(tx, 'UserUpdated', { userId, email: updated.email, name: updated.name, changed }, userId);
    return updated;
  });
}
