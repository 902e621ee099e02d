import type { EventHandler } from '@mercato/chassis';
import { credentialsStore } from '../credentials/credentials.store.js';

/**
 * An account was erased (the user service's UserDeleted): its sign-in goes — password, sessions
 * (refresh tokens), reset and verification tokens, OAuth links. Access tokens already issued run
 * out within their short life; the profile they name no longer exists.
 */
export const onUserDeleted: EventHandler<'UserDeleted'> = async (event, { tx, logger }) => {
  if (!(await credentialsStore.erase(tx, event.data.userId))) logger.info({ userId: event.data.userId }, 'UserDeleted for a user without credentials');
};
