import type { EventHandler } from '@mercato/chassis';
import { notify, type NotifyContext } from '../messages/notify.js';
import { passwordResetLink } from '../templates/templates.js';

export function onPasswordResetRequested(ctx: NotifyContext): EventHandler<'PasswordResetRequested'> {
  return async (event, { tx }) => {
    const { userId, email, name, token, expiresAt } = event.data;
    await notify(tx, ctx, { eventId: event.id, kind: 'password_reset', userId, email, view: { name, link: passwordResetLink(ctx.publicUrl, token), expiresAt } });
  };
}
