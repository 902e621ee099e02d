import type { EventHandler } from '@mercato/chassis';
import { queueMessage } from '../messages/queue-message.js';
import { renderEmailVerification, verificationLink } from '../templates/templates.js';

export function onEmailVerificationRequested(publicUrl: string): EventHandler<'EmailVerificationRequested'> {
  return async (event, { tx }) => {
    const { email, name, token, expiresAt } = event.data;
    const link = verificationLink(publicUrl, token);
    await queueMessage(tx, event.id, 'email_verification', email, renderEmailVerification({ name, link, expiresAt }));
  };
}
