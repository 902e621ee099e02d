import type { EventHandler } from '@mercato/chassis';
import { queueMessage } from '../messages/queue-message.js';
import { renderWelcome } from '../templates/templates.js';

export function onUserRegistered(publicUrl: string): EventHandler<'UserRegistered'> {
  return async (event, { tx }) => {
    const { email, name } = event.data;
    await queueMessage(tx, event.id, 'welcome', email, renderWelcome({ name, shopUrl: publicUrl }));
  };
}
