import { accessOf, type HttpApp, InvalidData, NotFound, operation, requires } from '@mercato/chassis';
import { newId } from '@mercato/contracts';
import type { NotificationDeps } from '../deps.js';
import { copyForResend, pageMessages } from '../messages/message.store.js';
import type { MessageStatus } from '../messages/message.js';
import { sampleView } from '../templates/samples.js';
import { LogPage, LogQuery, PreviewQuery, PreviewSchema, TemplateParams, IdParams, LogEntrySchema } from './notifications.schemas.js';
import { presentLogEntry } from './notifications.presenter.js';

const tags = ['notifications (staff)'];

function decodeLogCursor(raw: string): { createdAtUs: number; id: string } {
  const m = /^(\d{1,17})_([a-z]{2,8}_[0-9A-HJKMNP-TV-Z]{26})$/.exec(raw);
  if (!m) throw new InvalidData('The cursor is not one this list gave out', [{ pointer: '/cursor', message: 'invalid cursor' }]);
  return { createdAtUs: Number(m[1]), id: m[2]! };
}

/** The delivery log for support and administrators, resends, and template previews. */
export function staffRoutes(app: HttpApp, deps: NotificationDeps): void {
  app.get(
    '/notifications',
    {
      ...requires(deps, 'notifications:log:read'),
      schema: {
        tags,
        ...operation('listNotifications', accessOf('notifications:log:read'), {}),
        summary: 'Staff: the delivery log, newest first, by customer, order, status or channel',
        querystring: LogQuery,
        response: { 200: LogPage },
      },
    },
    async (req) => {
      const limit = req.query.limit ?? 50;
      const statuses: MessageStatus[] | undefined = req.query.status === undefined ? undefined : req.query.status === 'queued' ? ['pending', 'sending'] : [req.query.status as MessageStatus];
      const rows = await pageMessages(deps.db, {
        userId: req.query.userId,
        orderId: req.query.orderId,
        statuses,
        channel: req.query.channel,
        before: req.query.cursor ? decodeLogCursor(req.query.cursor) : undefined,
        limit: limit + 1,
      });
      const items = rows.slice(0, limit);
      const last = items[items.length - 1];
      return { items: items.map(presentLogEntry), nextCursor: rows.length > limit && last ? `${last.createdAtUs}_${last.id}` : null };
    },
  );

  app.post(
    '/notifications/:id/resend',
    {
      ...requires(deps, 'notifications:resend'),
      schema: {
        tags,
        ...operation('resendNotification', accessOf('notifications:resend'), { 404: 'not_found' }),
        summary: 'Staff: send a message again (a new entry in the log, due at once)',
        params: IdParams,
        response: { 202: LogEntrySchema },
      },
    },
    async (req, reply) => {
      const copy = await deps.db.tx((tx) => copyForResend(tx, req.params.id, newId('msg')));
      if (!copy) throw new NotFound('No such message (or its recipient was erased)');
      return reply.code(202).send(presentLogEntry(copy));
    },
  );

  app.get(
    '/notifications/templates/:name/preview',
    {
      ...requires(deps, 'notifications:templates:preview'),
      schema: {
        tags,
        ...operation('previewNotificationTemplate', accessOf('notifications:templates:preview'), {}),
        summary: "Staff: a template rendered with sample data, with the shop's overrides, in a language",
        params: TemplateParams,
        querystring: PreviewQuery,
        response: { 200: PreviewSchema },
      },
    },
    async (req) => {
      const name = req.params.name;
      const view = sampleView(name, deps.config.publicUrl);
      const t = deps.notify.templates;
      const email = t.email(name, req.query.lang, { ...view, unsubscribeUrl: `${deps.config.publicUrl}/api/v1/notifications/unsubscribe?token=sample` });
      return { name, ...email, sms: t.sms(name, req.query.lang, view) ?? null, push: t.push(name, req.query.lang, view) ?? null };
    },
  );
}
