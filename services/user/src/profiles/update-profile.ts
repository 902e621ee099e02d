import type { UserDeps } from '../deps.js';
import { validateContact } from './contact-fields.js';
import { ProfileNotFound } from './profile.errors.js';
import { profilesStore, type Profile } from './profiles.store.js';

export interface ProfilePatch {
  name?: string;
  /** Any international format; stored in E.164. */
  phone?: string | null;
  locale?: string | null;
  timeZone?: string | null;
}

/**
 * Applies a patch to the caller's profile and, in the same transaction, emits UserUpdated naming
 * the fields that changed. A patch that changes nothing writes nothing and emits nothing.
 */
export async function updateProfile(deps: UserDeps, userId: string, input: ProfilePatch): Promise<Profile> {
  const patch = validateContact(input);
  return deps.db.tx(async (tx) => {
    const current = await profilesStore.byId(tx, userId, { forUpdate: true });
    if (!current) throw new ProfileNotFound();
    const fields: ProfilePatch = {};
    if (patch.name !== undefined && patch.name !== current.name) fields.name = patch.name;
    if (patch.phone !== undefined && patch.phone !== current.phone) fields.phone = patch.phone;
    if (patch.locale !== undefined && patch.locale !== current.locale) fields.locale = patch.locale;
    if (patch.timeZone !== undefined && patch.timeZone !== current.timeZone) fields.timeZone = patch.timeZone;
    const changed = Object.keys(fields);
    if (changed.length === 0) return current;
    const updated = await profilesStore.update(tx, userId, fields);
    await deps.outbox.emit(
      tx,
      'UserUpdated',
      { userId, email: updated.email, name: updated.name, phone: updated.phone, locale: updated.locale, timeZone: updated.timeZone, changed },
      userId,
    );
    return updated;
  });
}
