import { timingSafeEqual } from 'node:crypto';
import { can, type FastifyRequest, type HttpApp, NotFound, Unauthorized } from '@mercato/chassis';
import { ID_PATTERN } from '@mercato/contracts';
import { Type } from '@sinclair/typebox';
import type { NotificationDeps } from '../deps.js';
import { findMessage, latestMessages } from '../messages/message.store.js';
import { renderMailboxPage } from './dev-mailbox.page.js';

const BASE = '/notifications/dev/mailbox';
const LIST_LIMIT = 100;
// The stored HTML is our own rendered template with every value escaped; this keeps any script,
// form or remote load out anyway.
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";
const TokenQuery = Type.Object({ token: Type.Optional(Type.String({ minLength: 1, maxLength: 512 })) }, { additionalProperties: false });

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The development mailbox, registered only with the mailbox mailer (never when SMTP is set). It
 * shows live reset and verification links, so it opens only with the mailbox token (`?token=`,
 * printed by `npm start`; the links on the page carry it) or an administrator's access token.
 * Anyone else gets 401, as if there were nothing to see. Left out of the OpenAPI document.
 */
export function registerDevMailboxRoutes(app: HttpApp, deps: NotificationDeps): void {
  const allowed = async (req: FastifyRequest & { query: { token?: string } }): Promise<string | undefined> => {
    const token = req.query.token;
    if (token !== undefined && deps.mailboxToken && sameSecret(token, deps.mailboxToken)) return token;
    if (req.headers.authorization !== undefined) {
      const who = await deps.authenticator.authenticate(req);
      if (can(who.roles, 'notifications:mailbox')) return undefined;
    }
    throw new Unauthorized('The mailbox opens with its token (?token=) or an administrator’s access token', 'Bearer realm="mercato"');
  };
  const send = (reply: { header: (k: string, v: string) => unknown }, html: string) => {
    reply.header('content-security-policy', CSP);
    reply.header('cache-control', 'no-store');
    reply.header('referrer-policy', 'no-referrer');
    return html;
  };

  app.get(BASE, { schema: { hide: true, querystring: TokenQuery } }, async (req, reply) => {
    const token = await allowed(req);
    const messages = await latestMessages(deps.db, LIST_LIMIT);
    void reply.type('text/html; charset=utf-8');
    return send(reply, renderMailboxPage(messages, BASE, token));
  });

  app.get(
    `${BASE}/:id`,
    {
      schema: {
        hide: true,
        params: Type.Object({ id: Type.String({ pattern: ID_PATTERN, maxLength: 40 }) }, { additionalProperties: false }),
        querystring: TokenQuery,
      },
    },
    async (req, reply) => {
      await allowed(req);
      const message = await findMessage(deps.db, req.params.id);
      if (!message) throw new NotFound('no such message');
      void reply.type('text/html; charset=utf-8');
      return send(reply, message.channel === 'email' ? message.html : `<pre>${message.text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)}</pre>`);
    },
  );
}
