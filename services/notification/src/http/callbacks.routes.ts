import { Forbidden, InvalidData, mediaResponse, NoBody, NotFound, operation, type HttpApp } from '@mercato/chassis';
import type { NotificationDeps } from '../deps.js';
import { recordSmsStatus } from '../messages/sms-status.js';
import { changePreferences } from '../preferences/change-preferences.js';
import { escapeHtml } from '../templates/escape.js';
import { OneClickBody, TwilioCallbackBody, TwilioHeaders, UnsubscribedSchema, UnsubscribeQuery } from './notifications.schemas.js';

const CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'";
const page = (title: string, body: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:480px;margin:48px auto;padding:0 16px;color:#222}button{padding:10px 18px;font-size:16px}</style></head>
<body><h1 style="font-size:22px">${escapeHtml(title)}</h1>${body}</body></html>
`;
const CATEGORY_WORDS: Record<string, string> = {
  account: 'account news',
  marketing: 'offers and reminders',
  stock_alerts: 'stock alerts',
  transactional: 'order emails',
};

/**
 * Requests that come without a session: the one-click unsubscribe of an email (RFC 8058: a POST
 * with `List-Unsubscribe=One-Click` to the signed link; a GET only shows a button, since mail
 * scanners follow links) and Twilio's delivery reports (signed with the account's token).
 */
export async function callbackRoutes(app: HttpApp, deps: NotificationDeps): Promise<void> {
  await app.register(async (plugin) => {
    const scope = plugin as unknown as HttpApp;
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 16 * 1024 }, (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    });

    const verify = (token: string) => {
      const who = deps.unsubscribe.verify(token);
      if (!who) throw new InvalidData('This unsubscribe link is not valid', [{ pointer: '/token', message: 'invalid or altered token' }]);
      return who;
    };

    scope.get(
      '/notifications/unsubscribe',
      { schema: { tags: ['notifications'], ...operation('showUnsubscribe', 'public', {}), summary: 'The page behind an email\'s unsubscribe link: a button that confirms (no sign-in)', querystring: UnsubscribeQuery, response: { 200: mediaResponse('text/html', 'A page with one button that unsubscribes') } } },
      async (req, reply) => {
        const who = verify(req.query.token);
        const action = `?token=${encodeURIComponent(req.query.token)}`;
        return reply
          .header('content-security-policy', CSP)
          .header('cache-control', 'no-store')
          .type('text/html; charset=utf-8')
          .send(page('Unsubscribe', `<p>Stop emails about ${escapeHtml(CATEGORY_WORDS[who.category] ?? who.category)}?</p><form method="post" action="${escapeHtml(action)}"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">Unsubscribe</button></form>`));
      },
    );

    scope.post(
      '/notifications/unsubscribe',
      {
        schema: {
          tags: ['notifications'],
          ...operation('oneClickUnsubscribe', 'public', {}),
          summary: 'RFC 8058 one-click unsubscribe from one category of email, with the signed link of the email; needs no sign-in and takes effect at once',
          querystring: UnsubscribeQuery,
          body: OneClickBody,
          response: { 200: UnsubscribedSchema },
        },
      },
      async (req, reply) => {
        const who = verify(req.query.token);
        await changePreferences(deps.db, who.userId, { email: { [who.category]: false } });
        deps.logger.info({ userId: who.userId, category: who.category }, 'unsubscribed by one-click link');
        const accepts = req.headers.accept ?? '';
        if (accepts.includes('text/html')) {
          return reply.header('content-security-policy', CSP).type('text/html; charset=utf-8').send(page('You are unsubscribed', `<p>You will get no more emails about ${escapeHtml(CATEGORY_WORDS[who.category] ?? who.category)}. You can change this in your account at any time.</p>`) as never);
        }
        return reply.send({ unsubscribed: true, channel: 'email', category: who.category });
      },
    );

    scope.post(
      '/notifications/sms/status',
      {
        schema: {
          tags: ['notifications'],
          ...operation('twilioStatusCallback', 'public', { 403: 'forbidden', 404: 'not_found' }),
          summary: "Twilio's SMS delivery reports (X-Twilio-Signature checked against the account's auth token)",
          headers: TwilioHeaders,
          body: TwilioCallbackBody,
          response: { 204: NoBody('Recorded') },
        },
      },
      async (req, reply) => {
        if (!deps.sms) throw new NotFound('SMS is not configured');
        const signature = req.headers['x-twilio-signature'];
        if (typeof signature !== 'string' || !deps.sms.verifyCallback(signature, req.body)) throw new Forbidden('The request is not signed by Twilio');
        await recordSmsStatus(deps.db, req.body);
        return reply.code(204).send();
      },
    );
  });
}
