import type { EventHandler } from '@mercato/chassis';
import { credentialsStore } from '../credentials/credentials.store.js';

/**
 * The user service owns roles; auth keeps a copy in `credentials` to sign them into access
 * tokens. The copy is replaced only by a newer change (by the event's `occurredAt`), so a
 * redelivered, replayed or reordered event never brings back older roles. Tokens already issued
 * keep their roles until they expire.
 */
export const onRolesChanged: EventHandler<'RolesChanged'> = async (event, { tx, logger }) => {
  const { userId, roles } = event.data;
  const changed = await credentialsStore.setRolesIfNewer(tx, userId, roles, new Date(event.occurredAt));
  if (changed) return;
  const known = await credentialsStore.byId(tx, userId);
  if (!known) logger.warn({ userId }, 'RolesChanged for a user without credentials; ignored');
  else logger.info({ userId, occurredAt: event.occurredAt }, 'RolesChanged older than the stored roles; ignored');
};
