import type { UserDeps } from '../deps.js';
import { addressesStore, type Address } from '../addresses/addresses.store.js';
import { ProfileNotFound } from '../profiles/profile.errors.js';
import { profilesStore, type Profile } from '../profiles/profiles.store.js';

/** A user as staff see them in the back office: the profile and the address book. */
export async function getCustomer(deps: UserDeps, userId: string): Promise<{ profile: Profile; addresses: Address[] }> {
  const [profile, addresses] = await Promise.all([profilesStore.byId(deps.db, userId), addressesStore.list(deps.db, userId)]);
  if (!profile) throw new ProfileNotFound();
  return { profile, addresses };
}
