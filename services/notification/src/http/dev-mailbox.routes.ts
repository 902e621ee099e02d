import { NotFound, type Db, type HttpApp } from '@mercato/chassis';
import { ID_PATTERN } from '@mercato/contracts';
import { Type } from '@sinclair/typebox';
import { findMessage, latestMessages } from '../messages/message.store.js';
import { renderMailboxPage } from './dev-mailbox.page.js';

const BASE = '/notifications/dev/mailbox';
const LIST_LIMIT = 100;
// The stored HTML is our own rendered template with every value escaped; this keeps any script,
// form or remote load out anyway.
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/**
 * The development mailbox, registered only with the mailbox mailer. It shows live reset and
 * verification links, so it answers only requests made to the service directly (it listens on
 * 127.0.0.1 unless told otherwise), never those the gateway forwards from the public side.
 */
export function registerDevMailboxRoutes(app: HttpApp, db: Db): void {
  const direct = (headers: Record<string, unknown>) => headers['x-forwarded-for'] === undefined && headers.forwarded === undefined;

  app.get(
    BASE,
    { schema: { hide: true } },
    async (req, reply) => {
      if (!direct(req.headers)) throw new NotFound('no such route');
      const messages = await latestMessages(db, LIST_LIMIT);
      return reply.header('content-security-policy', CSP).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(renderMailboxPage(messages, BASE));
    },
  );

  app.get(
    `${BASE}/:id`,
    {
      schema: {
        hide: true,
        params: Type.Object({ id: Type.String({ pattern: ID_PATTERN, maxLength: 40 }) }, { additionalProperties: false }),
      },
    },
    async (req, reply) => {
      if (!direct(req.headers)) throw new NotFound('no such route');
      const message = await findMessage(db, req.params.id);
      if (!message) throw new NotFound('no such message');
      return reply.header('content-security-policy', CSP).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(message.html);
    },
  );
}
