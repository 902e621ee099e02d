import type { EventHandler } from '@mercato/chassis';
import { profilesStore } from '../profiles/profiles.store.js';

/**
 * The profile shows the email as verified. Idempotent. An EmailVerified that overtakes its
 * UserRegistered (a retry reorders them) fails, so the consumer retries it once the profile exists.
 */
export const onEmailVerified: EventHandler<'EmailVerified'> = async (event, { tx }) => {
  if (!(await profilesStore.markEmailVerified(tx, event.data.userId, event.data.email))) {
    throw new Error(`no profile yet for ${event.data.userId}; EmailVerified is retried after UserRegistered`);
  }
};
