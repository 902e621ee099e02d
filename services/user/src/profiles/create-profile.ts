import type { Queryable } from '@mercato/chassis';
import type { EventData } from '@mercato/contracts';
import { profilesStore } from './profiles.store.js';

/**
 * Creates the profile of a newly registered user, in the consumer's transaction. Idempotent: a
 * profile that already exists (made another way, or by an earlier delivery) is left as it is.
 */
export async function createProfile(tx: Queryable, data: EventData<'UserRegistered'>): Promise<boolean> {
  return profilesStore.insertIfAbsent(tx, { userId: data.userId, email: data.email, emailVerified: data.emailVerified, name: data.name, roles: data.roles });
}
