import type { EventHandler } from '@mercato/chassis';
import { queueMessage } from '../messages/queue-message.js';
import { passwordResetLink, renderPasswordReset } from '../templates/templates.js';

export function onPasswordResetRequested(publicUrl: string): EventHandler<'PasswordResetRequested'> {
  return async (event, { tx }) => {
    const { email, name, token, expiresAt } = event.data;
    const link = passwordResetLink(publicUrl, token);
    await queueMessage(tx, event.id, 'password_reset', email, renderPasswordReset({ name, link, expiresAt }));
  };
}
