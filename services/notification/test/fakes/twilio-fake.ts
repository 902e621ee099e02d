import { createHmac, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for Twilio's Messages API (the parts the shop uses): `POST
 * /2010-04-01/Accounts/{sid}/Messages.json` with Basic auth and a form body, answering 201 with
 * the message resource, or Twilio's 400 error 21211 for an invalid number. Then, like Twilio, it
 * reports the outcome to the message's StatusCallback: form fields signed with X-Twilio-Signature
 * (HMAC-SHA1 of the URL and the sorted fields, keyed by the auth token), computed here by hand.
 */
export interface TwilioFake {
  url: string;
  /** Every message accepted: to, from, body, status callback. */
  messages: Array<{ sid: string; to: string; from: string; body: string; statusCallback: string | undefined }>;
  /** Numbers that Twilio refuses outright (21211), and numbers whose delivery fails later (30003). */
  invalid: Set<string>;
  undeliverable: Set<string>;
  /** Callbacks posted, and their answers. */
  callbacks: Array<{ sid: string; status: string; answer: number }>;
  close(): Promise<void>;
}

function body(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let s = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (s += c));
    req.on('end', () => resolve(s));
    req.on('error', reject);
  });
}

/** Twilio's request signature: base64(HMAC-SHA1(authToken, url + each sorted key and its value)). */
export function twilioSignature(authToken: string, url: string, params: Record<string, string>): string {
  const data = Object.keys(params).sort().reduce((acc, k) => acc + k + params[k], url);
  return createHmac('sha1', authToken).update(Buffer.from(data, 'utf8')).digest('base64');
}

export async function startTwilioFake(opts: {
  accountSid: string;
  authToken: string;
  /** Where a StatusCallback URL is really reached (the public URL maps to the service under test). */
  deliverCallback: (url: string) => string;
}): Promise<TwilioFake> {
  const state: Omit<TwilioFake, 'url' | 'close'> = { messages: [], invalid: new Set(), undeliverable: new Set(), callbacks: [] };
  const report = async (sid: string, callbackUrl: string, status: string, extra: Record<string, string> = {}) => {
    const params = { AccountSid: opts.accountSid, ApiVersion: '2010-04-01', MessageSid: sid, MessageStatus: status, SmsSid: sid, SmsStatus: status, ...extra };
    const res = await fetch(opts.deliverCallback(callbackUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': twilioSignature(opts.authToken, callbackUrl, params) },
      body: new URLSearchParams(params).toString(),
    }).catch(() => undefined);
    state.callbacks.push({ sid, status, answer: res?.status ?? 0 });
  };
  const server = createServer(async (req, res) => {
    const json = (status: number, value: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
    const m = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/.exec(req.url ?? '');
    if (req.method !== 'POST' || !m) return json(404, { code: 20404, message: 'The requested resource was not found', status: 404 });
    const expected = `Basic ${Buffer.from(`${opts.accountSid}:${opts.authToken}`).toString('base64')}`;
    if (m[1] !== opts.accountSid || req.headers.authorization !== expected) return json(401, { code: 20003, message: 'Authenticate', status: 401 });
    const form = Object.fromEntries(new URLSearchParams(await body(req)));
    const to = form.To ?? '';
    if (!/^\+[1-9]\d{6,14}$/.test(to) || state.invalid.has(to)) {
      return json(400, { code: 21211, message: `The 'To' number ${to} is not a valid phone number.`, more_info: 'https://www.twilio.com/docs/errors/21211', status: 400 });
    }
    if (!form.Body) return json(400, { code: 21602, message: 'Message body is required.', status: 400 });
    const sid = `SM${randomBytes(16).toString('hex')}`;
    const from = form.From ?? form.MessagingServiceSid ?? '';
    state.messages.push({ sid, to, from, body: form.Body, statusCallback: form.StatusCallback });
    json(201, {
      sid,
      account_sid: opts.accountSid,
      to,
      from,
      body: form.Body,
      status: 'queued',
      num_segments: '1',
      direction: 'outbound-api',
      api_version: '2010-04-01',
      date_created: new Date().toUTCString(),
      uri: `/2010-04-01/Accounts/${opts.accountSid}/Messages/${sid}.json`,
    });
    if (form.StatusCallback) {
      const cb = form.StatusCallback;
      setTimeout(() => {
        void (async () => {
          await report(sid, cb, 'sent');
          if (state.undeliverable.has(to)) await report(sid, cb, 'undelivered', { ErrorCode: '30003' });
          else await report(sid, cb, 'delivered');
        })();
      }, 10);
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return Object.assign(state, {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  });
}
