import type { EventHandler } from '@mercato/chassis';
import { notify, type NotifyContext } from '../messages/notify.js';
import { verificationLink } from '../templates/templates.js';

export function onEmailVerificationRequested(ctx: NotifyContext): EventHandler<'EmailVerificationRequested'> {
  return async (event, { tx }) => {
    const { userId, email, name, token, expiresAt } = event.data;
    await notify(tx, ctx, { eventId: event.id, kind: 'email_verification', userId, email, view: { name, link: verificationLink(ctx.publicUrl, token), expiresAt } });
  };
}
