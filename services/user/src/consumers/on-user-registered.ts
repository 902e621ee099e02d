import type { EventHandler } from '@mercato/chassis';
import { createProfile } from '../profiles/create-profile.js';

export const onUserRegistered: EventHandler<'UserRegistered'> = async (event, { tx, logger }) => {
  const created = await createProfile(tx, event.data);
  if (!created) logger.info({ userId: event.data.userId }, 'profile already exists; UserRegistered left it unchanged');
};
