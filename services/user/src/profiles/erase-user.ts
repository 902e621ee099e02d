import type { UserDeps } from '../deps.js';
import { ProfileNotFound } from './profile.errors.js';
import { profilesStore } from './profiles.store.js';

/**
 * Erases an account on its owner's request, or an administrator's (GDPR): the profile and its
 * addresses are deleted, and UserDeleted tells every other service to erase or anonymise what it
 * holds (auth its credentials, orders their personal data, reviews their author) — in the same
 * transaction.
 */
export async function eraseUser(deps: UserDeps, userId: string, by: string | null): Promise<void> {
  await deps.db.tx(async (tx) => {
    if (!(await profilesStore.byId(tx, userId, { forUpdate: true }))) throw new ProfileNotFound();
    await profilesStore.erase(tx, userId, by);
    await deps.outbox.emit(tx, 'UserDeleted', { userId, deletedBy: by, deletedAt: new Date().toISOString() }, userId);
  });
}
