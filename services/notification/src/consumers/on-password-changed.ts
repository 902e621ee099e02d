import type { EventHandler } from '@mercato/chassis';
import { notify, type NotifyContext } from '../messages/notify.js';

/** A password was changed (or reset): the owner is told, with the way back if it was not them. */
export function onPasswordChanged(ctx: NotifyContext): EventHandler<'PasswordChanged'> {
  return async (event, { tx }) => {
    const { userId, email, name, via, changedAt } = event.data;
    const forgot = `${ctx.publicUrl.replace(/\/+$/, '')}/account/forgot`;
    await notify(tx, ctx, { eventId: event.id, kind: 'password_changed', userId, email, view: { name, via, changedAt, link: forgot } });
  };
}
