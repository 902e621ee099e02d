import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { MemoryBus, type RunningService } from '@mercato/chassis';
import { createTestDatabase, createTestSigner, eventually, listenJwks, skipUnless, type TestDatabase, type TestJwksServer } from '@mercato/chassis/testing';
import { createEvent, newId, type Envelope } from '@mercato/contracts';
import { startPushFake, type PushFake } from './fakes/push-fake.js';
import { startTwilioFake, type TwilioFake } from './fakes/twilio-fake.js';
import { notBefore, parseQuietHours } from '../src/limits/quiet-hours.js';
import { notify, type NotifyContext } from '../src/messages/notify.js';
import { builtinTemplates } from '../src/templates/template-set.js';
import { PUBLIC_URL, startNotification } from './support.js';

const SID = `AC${'0123456789abcdef'.repeat(2)}`;
const AUTH_TOKEN = 'twilio-auth-token-0123456789';
const signer = createTestSigner();

interface Row {
  id: string;
  channel: string;
  kind: string;
  category: string;
  status: string;
  recipient: string;
  text: string;
  last_error: string | null;
  next_attempt_at: Date;
  order_id: string | null;
  created_at: Date;
  payload: Record<string, string>;
  [k: string]: unknown;
}

describe('notification channels against their fakes', { skip: skipUnless('postgres') }, () => {
  let db: TestDatabase;
  let svc: RunningService;
  let bus: MemoryBus;
  let jwks: TestJwksServer;
  let twilio: TwilioFake;
  let push: PushFake;
  let mailbox: string;

  const call = async (method: string, url: string, body?: unknown, userId?: string, roles = ['customer']) => {
    const res = await fetch(`${svc.url}${url}`, {
      method,
      headers: {
        ...(userId ? { authorization: `Bearer ${signer.sign({ sub: userId, roles })}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, json: () => JSON.parse(text) as Record<string, unknown> & { items?: Array<Record<string, unknown>> } };
  };
  const deliver = async (...events: Envelope[]) => {
    await bus.publish(events);
    for (const e of events) await eventually(async () => (await svc.db.query('SELECT 1 FROM inbox WHERE event_id = $1', [e.id])).rowCount === 1);
  };
  const rows = async (where: string, params: unknown[]) => (await svc.db.query<Row>(`SELECT * FROM messages WHERE ${where} ORDER BY created_at, id`, params)).rows;
  const settled = (where: string, params: unknown[], n: number) =>
    eventually(async () => {
      const r = await rows(where, params);
      return r.length === n && r.every((m) => m.status !== 'sending' && (m.status !== 'pending' || m.next_attempt_at > new Date(Date.now() + 60_000))) ? r : undefined;
    });

  /** A registered customer with a phone number, language and time zone (UserUpdated version 2). */
  const customer = async (opts: { phone?: string; timeZone?: string } = {}) => {
    const userId = newId('usr');
    const email = `${userId.toLowerCase()}@example.com`;
    await deliver(createEvent('UserRegistered', { userId, email, name: 'Ann Example', emailVerified: true, method: 'password', roles: ['customer'] }, { source: 'auth', subject: userId }));
    await deliver(
      createEvent('UserUpdated', { userId, email, name: 'Ann Example', phone: opts.phone ?? null, locale: 'en', timeZone: opts.timeZone ?? 'UTC', changed: ['phone'] }, { source: 'user', subject: userId }),
    );
    return { userId, email };
  };
  const shipped = async (userId: string, email: string) => {
    const orderId = newId('ord');
    const placed = createEvent(
      'OrderPlaced',
      { orderId, userId, email, lines: [{ sku: 'TEE', productId: newId('prd'), variantId: newId('var'), title: 'Tee', quantity: 1, unitPrice: { amount: 100, currency: 'USD' } }], total: { amount: 100, currency: 'USD' }, accessToken: null },
      { source: 'order', subject: orderId },
    );
    const ship = createEvent('OrderShipped', { orderId, userId, email, carrier: 'DHL', trackingNumber: 'JD0146', shippedAt: new Date().toISOString() }, { source: 'order', subject: orderId });
    await deliver(placed, ship);
    return { orderId, event: ship };
  };

  before(async () => {
    db = await createTestDatabase('notif_channels');
    jwks = await listenJwks([signer.jwk]);
    push = await startPushFake();
    mailbox = await mkdtemp(join(tmpdir(), 'mercato-mailbox-'));
    const caFile = join(mailbox, 'push-ca.pem');
    await writeFile(caFile, push.ca);
    bus = new MemoryBus();
    let base = '';
    twilio = await startTwilioFake({ accountSid: SID, authToken: AUTH_TOKEN, deliverCallback: (url) => url.replace(`${PUBLIC_URL}/api/v1`, base) });
    svc = await startNotification(
      db,
      {
        NOTIFICATION_PORT: '0',
        NOTIFICATION_MAILBOX_DIR: mailbox,
        AUTH_JWKS_URL: `${jwks.url}/.well-known/jwks.json`,
        TWILIO_ACCOUNT_SID: SID,
        TWILIO_AUTH_TOKEN: AUTH_TOKEN,
        TWILIO_FROM: '+15005550006',
        TWILIO_API_URL: twilio.url,
        NOTIFICATION_PUSH_HOSTS: '127.0.0.1',
        NOTIFICATION_PUSH_CA_FILE: caFile,
        NOTIFICATION_QUIET_HOURS: 'off',
        NOTIFICATION_CAP_EMAIL_PER_HOUR: '5',
        NOTIFICATION_CAP_TRANSACTIONAL_PER_HOUR: '5',
      },
      bus,
    );
    base = svc.url;
    bus.open();
  });
  after(async () => {
    await svc?.stop();
    await bus?.close();
    await Promise.all([twilio?.close(), push?.close(), jwks?.close()]);
    await db?.drop();
    if (mailbox) await rm(mailbox, { recursive: true, force: true });
  });

  it('SMS through the Twilio SDK: sent once by the fake, its signed status callback recorded; a forged one refused', async () => {
    const { userId, email } = await customer({ phone: '+14155550123' });
    assert.equal((await call('PUT', '/notifications/preferences', { sms: { transactional: true } }, userId)).status, 200);
    const { event } = await shipped(userId, email);
    const [sms] = await settled('event_id = $1 AND channel = $2', [event.id, 'sms'], 1);
    assert.equal(sms!.status, 'sent');
    const sent = twilio.messages.find((m) => m.sid === (sms as Record<string, unknown>).provider_message_id)!;
    assert.equal(sent.to, '+14155550123');
    assert.equal(sent.from, '+15005550006');
    assert.match(sent.body, /shipped with DHL, tracking JD0146/);
    assert.equal(sent.statusCallback, `${PUBLIC_URL}/api/v1/notifications/sms/status`);
    await eventually(() => twilio.callbacks.filter((c) => c.sid === sent.sid).length === 2);
    assert.deepEqual(twilio.callbacks.filter((c) => c.sid === sent.sid).map((c) => [c.status, c.answer]), [['sent', 204], ['delivered', 204]]);
    const forged = await fetch(`${svc.url}/notifications/sms/status`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': 'AAAA' },
      body: new URLSearchParams({ MessageSid: sent.sid, MessageStatus: 'undelivered' }).toString(),
    });
    assert.equal(forged.status, 403);
    assert.equal((await rows('id = $1', [sms!.id]))[0]!.status, 'sent', 'a forged report changes nothing');
  });

  it('SMS: a report of non-delivery bounces the message; a number Twilio refuses bounces at once, without retries', async () => {
    twilio.undeliverable.add('+14155550199');
    const a = await customer({ phone: '+14155550199' });
    await call('PUT', '/notifications/preferences', { sms: { transactional: true } }, a.userId);
    const { event } = await shipped(a.userId, a.email);
    const [bounced] = await eventually(async () => {
      const r = await rows('event_id = $1 AND channel = $2', [event.id, 'sms']);
      return r[0]?.status === 'bounced' ? r : undefined;
    });
    assert.match(bounced!.last_error ?? '', /undelivered.*30003/);

    twilio.invalid.add('+14155550100');
    const b = await customer({ phone: '+14155550100' });
    await call('PUT', '/notifications/preferences', { sms: { transactional: true } }, b.userId);
    const second = await shipped(b.userId, b.email);
    const [refused] = await settled('event_id = $1 AND channel = $2', [second.event.id, 'sms'], 1);
    assert.equal(refused!.status, 'bounced');
    assert.equal((refused as Record<string, unknown>).attempts, 1);
    assert.match(refused!.last_error ?? '', /21211/);
  });

  it('web push: VAPID-signed, aes128gcm-encrypted, decrypted by the browser; a 410 deletes the subscription', async () => {
    const { userId, email } = await customer();
    const browser = push.browser();
    const created = await call('POST', '/notifications/push-subscriptions', { endpoint: browser.endpoint, keys: browser.keys }, userId);
    assert.equal(created.status, 201);
    const subId = created.json().id as string;
    assert.equal((await call('GET', '/notifications/preferences', undefined, userId)).json().push && ((await call('GET', '/notifications/preferences', undefined, userId)).json().push as { subscriptions: number }).subscriptions, 1);
    const key = (await call('GET', '/notifications/push/public-key')).json().publicKey as string;
    assert.match(key, /^[A-Za-z0-9_-]{87}$/);

    const first = await shipped(userId, email);
    const [pushed] = await settled('event_id = $1 AND channel = $2', [first.event.id, 'push'], 1);
    assert.equal(pushed!.status, 'sent', pushed!.last_error ?? '');
    assert.deepEqual(push.refused, []);
    assert.equal(browser.received.length, 1);
    assert.equal(browser.received[0]!.title, 'Your order has shipped');
    assert.match(String(browser.received[0]!.body), /DHL has your order/);

    browser.gone = true;
    const second = await shipped(userId, email);
    const [gone] = await settled('event_id = $1 AND channel = $2', [second.event.id, 'push'], 1);
    assert.equal(gone!.status, 'bounced');
    assert.match(gone!.last_error ?? '', /410/);
    assert.equal((await svc.db.query('SELECT 1 FROM push_subscriptions WHERE id = $1', [subId])).rowCount, 0, 'the subscription is deleted');

    const elsewhere = await call('POST', '/notifications/push-subscriptions', { endpoint: 'https://evil.example/push/1', keys: browser.keys }, userId);
    assert.equal(elsewhere.status, 422, 'only push services on the list');
    assert.equal((await call('POST', '/notifications/push-subscriptions', { endpoint: browser.endpoint, keys: browser.keys })).status, 401);
  });

  it('honours preferences for every category and channel; transactional email cannot be turned off; marketing is opt-in', async () => {
    const { userId, email } = await customer({ phone: '+14155550111' });
    const browser = push.browser();
    await call('POST', '/notifications/push-subscriptions', { endpoint: browser.endpoint, keys: browser.keys }, userId);
    const prefs = (await call('GET', '/notifications/preferences', undefined, userId)).json();
    assert.deepEqual(prefs.channels, {
      email: { transactional: true, account: true, marketing: false, stock_alerts: true },
      sms: { transactional: false, account: false, marketing: false, stock_alerts: false },
      push: { transactional: true, account: true, marketing: false, stock_alerts: true },
    });
    const refused = await call('PUT', '/notifications/preferences', { email: { transactional: false } }, userId);
    assert.equal(refused.status, 422);
    assert.equal(refused.json().code, 'transactional_email_required');

    // One event per category, each reaching exactly the channels that are on.
    const channelsOf = async (eventId: string) => (await settled('event_id = $1', [eventId], (await rows('event_id = $1', [eventId])).length)).map((r) => r.channel).sort();
    const trigger = {
      transactional: async () => (await shipped(userId, email)).event.id,
      marketing: async () => {
        const e = createEvent('CartAbandoned', { cartId: newId('cart'), userId, currency: 'USD', lines: [{ sku: 'TEE', productId: newId('prd'), title: 'Tee', quantity: 2, unitPrice: { amount: 100, currency: 'USD' } }], lastChangedAt: new Date().toISOString() }, { source: 'order', subject: userId });
        await deliver(e);
        return e.id;
      },
      stock_alerts: async () => {
        const sku = `SKU-${newId('x').slice(-8)}`;
        await call('POST', '/notifications/stock-subscriptions', { sku }, userId);
        const e = createEvent('StockReplenished', { sku, available: 4 }, { source: 'inventory', subject: sku });
        await deliver(e);
        return e.id;
      },
    };
    const expectations: Array<[keyof typeof trigger, Record<string, Record<string, boolean>>, string[]]> = [
      ['transactional', {}, ['email', 'push']],
      ['transactional', { sms: { transactional: true } }, ['email', 'push', 'sms']],
      ['transactional', { push: { transactional: false }, sms: { transactional: false } }, ['email']],
      ['marketing', {}, []],
      ['marketing', { email: { marketing: true }, push: { marketing: true } }, ['email', 'push']],
      ['marketing', { push: { marketing: false } }, ['email']],
      ['stock_alerts', {}, ['email', 'push']],
      ['stock_alerts', { email: { stock_alerts: false }, sms: { stock_alerts: true } }, ['push', 'sms']],
      ['stock_alerts', { push: { stock_alerts: false }, sms: { stock_alerts: false } }, []],
    ];
    for (const [category, change, expected] of expectations) {
      assert.equal((await call('PUT', '/notifications/preferences', change, userId)).status, 200);
      const eventId = await trigger[category]();
      await new Promise((r) => setTimeout(r, 30));
      assert.deepEqual(await channelsOf(eventId), expected, `${category} after ${JSON.stringify(change)}`);
    }
    // account: the welcome email follows the choice made before it.
    const late = newId('usr');
    await call('PUT', '/notifications/preferences', { email: { account: false } }, late);
    const welcome = createEvent('UserRegistered', { userId: late, email: 'late@example.com', name: 'Late', emailVerified: true, method: 'password', roles: ['customer'] }, { source: 'auth', subject: late });
    await deliver(welcome);
    assert.equal((await rows('event_id = $1', [welcome.id])).length, 0, 'account email off: no welcome');
  });

  it('one-click unsubscribe (RFC 8058) from the email itself, without a session, at once', async () => {
    const { userId } = await customer();
    await call('PUT', '/notifications/preferences', { email: { marketing: true } }, userId);
    const cart = () =>
      createEvent('CartAbandoned', { cartId: newId('cart'), userId, currency: 'USD', lines: [{ sku: 'TEE', productId: newId('prd'), title: 'Tee', quantity: 1, unitPrice: null }], lastChangedAt: new Date().toISOString() }, { source: 'order', subject: userId });
    const first = cart();
    await deliver(first);
    const [m] = await settled('event_id = $1', [first.id], 1);
    assert.equal(m!.status, 'sent');
    const raw = (await readFile(join(mailbox, `${m!.id}.eml`), 'utf8')).replace(/\r?\n[ \t]/g, ' ');
    const link = /^List-Unsubscribe: <([^>]+)>/im.exec(raw)?.[1];
    assert.ok(link?.startsWith(`${PUBLIC_URL}/api/v1/notifications/unsubscribe?token=`), raw.slice(0, 600));
    assert.match(raw, /^List-Unsubscribe-Post: List-Unsubscribe=One-Click/im);
    const path = link!.replace(`${PUBLIC_URL}/api/v1`, '');
    const page = await fetch(`${svc.url}${path}`);
    assert.equal(page.status, 200, 'GET only shows the button');
    assert.equal(((await call('GET', '/notifications/preferences', undefined, userId)).json().channels as { email: { marketing: boolean } }).email.marketing, true);
    const tampered = await fetch(`${svc.url}${path.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'))}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    assert.equal(tampered.status, 400);
    const done = await fetch(`${svc.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    assert.equal(done.status, 200);
    assert.equal(((await call('GET', '/notifications/preferences', undefined, userId)).json().channels as { email: { marketing: boolean } }).email.marketing, false);
    const second = cart();
    await deliver(second);
    assert.equal((await rows('event_id = $1', [second.id])).length, 0, 'no more marketing email');
  });

  it('caps a run of confirmations delivered together as it caps them one at a time, in one transaction', async () => {
    // A guest (no account: no welcome message counted); each order's contact recorded first.
    const email = `guest-${newId('usr').toLowerCase()}@example.com`;
    const line = { sku: 'TEE', productId: newId('prd'), variantId: newId('var'), title: 'Tee', quantity: 1, unitPrice: { amount: 100, currency: 'USD' } };
    const total = { amount: 100, currency: 'USD' };
    const orders = Array.from({ length: 7 }, () => newId('ord'));
    await deliver(
      ...orders.map((orderId) => createEvent('OrderPlaced', { orderId, userId: null, email, lines: [line], total, accessToken: null }, { source: 'order', subject: orderId })),
    );
    const confirmed = orders.map((orderId) =>
      createEvent('OrderConfirmed', { orderId, userId: null, email, lines: [line], total, paymentId: newId('pay') }, { source: 'order', subject: orderId }),
    );
    await deliver(confirmed[0]!);
    await deliver(confirmed[1]!);
    await svc.consumer.deliver(confirmed.slice(2));
    const emails = await rows('recipient = $1 AND channel = $2', [email, 'email']);
    assert.deepEqual(
      emails.map((m) => [m.kind, m.order_id]),
      orders.map((orderId) => ['order_confirmed', orderId]),
      'one confirmation per order, in the order of the run',
    );
    // Five transactional emails an hour: two went before the run, three of it go, the last two are held.
    assert.deepEqual(emails.map((m) => m.status === 'suppressed'), [false, false, false, false, false, true, true]);
    assert.match(emails[6]!.last_error ?? '', /cap of 5 transactional email messages per hour/);
    assert.equal(new Set(emails.slice(2).map((m) => m.created_at.getTime())).size, 1, 'the run was queued in one transaction');
  });

  it('caps messages per recipient per hour per channel; holds non-urgent SMS in quiet hours of the customer’s zone', async () => {
    const { userId, email } = await customer();
    const events = [];
    for (let i = 0; i < 6; i++) events.push((await shipped(userId, email)).event.id);
    const emails = await rows('recipient = $1 AND channel = $2', [email, 'email']);
    assert.equal(emails.length, 7, 'welcome and six shipments, all recorded');
    // The welcome (account) and the shipments (transactional) are counted apart: five shipments go, the sixth is held.
    assert.deepEqual(emails.map((m) => m.status === 'suppressed'), [false, false, false, false, false, false, true]);
    assert.match(emails[6]!.last_error ?? '', /cap of 5 transactional email messages per hour/);

    // Quiet hours around now in Tokyo: the order-shipped SMS and push wait for their end there,
    // the email goes at once.
    const tokyo = await customer({ phone: '+14155550177', timeZone: 'Asia/Tokyo' });
    await call('PUT', '/notifications/preferences', { sms: { transactional: true } }, tokyo.userId);
    const browser = push.browser();
    await call('POST', '/notifications/push-subscriptions', { endpoint: browser.endpoint, keys: browser.keys }, tokyo.userId);
    const [h, mi] = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Tokyo', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date()).split(':').map(Number) as [number, number];
    const fmt = (m: number) => `${String(Math.floor(((m + 1440) % 1440) / 60)).padStart(2, '0')}:${String(((m + 1440) % 1440) % 60).padStart(2, '0')}`;
    const quietHours = parseQuietHours(`${fmt(h * 60 + mi - 30)}-${fmt(h * 60 + mi + 90)}`);
    const ctx: NotifyContext = {
      publicUrl: PUBLIC_URL,
      templates: builtinTemplates(),
      capPerHour: { email: 100, sms: 100, push: 100 },
      transactionalCapPerHour: 100,
      quietHours,
      enabledChannels: new Set(['email', 'sms', 'push']),
      unsubscribeUrl: () => `${PUBLIC_URL}/u`,
    };
    const eventId = newId('evt');
    const view = { orderId: 'ord_x', carrier: 'DHL', trackingNumber: 'T1', shippedAt: new Date().toISOString(), link: PUBLIC_URL };
    assert.equal(await svc.db.tx((tx) => notify(tx, ctx, { eventId, kind: 'order_shipped', userId: tokyo.userId, view })), 3);
    const queued = await rows('event_id = $1', [eventId]);
    const byChannel = Object.fromEntries(queued.map((m) => [m.channel, m.next_attempt_at.getTime() - Date.now()]));
    // The email is due at once: still pending with no wait, or already claimed by the delivery
    // worker (woken by this commit), whose lease then sets its next attempt.
    const mail = queued.find((m) => m.channel === 'email')!;
    assert.ok(mail.status !== 'pending' || byChannel.email! < 60_000, `email is not held: ${mail.status}, ${byChannel.email}`);
    for (const ch of ['sms', 'push']) assert.ok(byChannel[ch]! > 80 * 60_000 && byChannel[ch]! <= 91 * 60_000, `${ch} waits until the quiet hours end: ${byChannel[ch]}`);
    // Urgent kinds never wait, and a customer in New York is awake.
    assert.equal(notBefore(new Date('2026-01-10T22:30:00Z'), parseQuietHours('21:00-08:00'), 'America/New_York').toISOString(), '2026-01-10T22:30:00.000Z');
  });

  it('back in stock: each waiting customer told once, whatever the redeliveries and later crossings', async () => {
    const sku = `BIS-${newId('x').slice(-8)}`;
    const a = await customer();
    const b = await customer();
    for (const u of [a, b]) {
      assert.equal((await call('POST', '/notifications/stock-subscriptions', { sku }, u.userId)).status, 201);
      await call('POST', '/notifications/stock-subscriptions', { sku }, u.userId);
    }
    const back = createEvent('StockReplenished', { sku, available: 3 }, { source: 'inventory', subject: sku });
    await deliver(back);
    await deliver(back);
    await deliver(createEvent('StockReplenished', { sku, available: 1 }, { source: 'inventory', subject: sku }));
    const told = await rows(`kind = 'back_in_stock' AND channel = 'email' AND user_id = ANY($1::text[])`, [[a.userId, b.userId]]);
    assert.deepEqual(told.map((m) => m.recipient).sort(), [a.email, b.email].sort());
    const mine = (await call('GET', '/notifications/stock-subscriptions', undefined, a.userId)).json().items!;
    assert.equal(mine.length, 1);
    assert.ok(mine[0]!.notifiedAt);
  });

  it('back in stock names the product and links to its page, as the catalog last said; the search when it is not on sale', async () => {
    const sku = `BISP-${newId('x').slice(-8)}`;
    const other = `BISP-${newId('x').slice(-8)}`;
    const productId = newId('prod');
    const facts = (title: string, slug: string, status: 'published' | 'draft') => ({ productId, slug, title, status, variants: [{ variantId: newId('var'), sku, prices: [] }] });
    const newer = createEvent('ProductUpdated', facts('Glass Teapot, 1 l', 'glass-teapot-1l', 'published'), { source: 'catalog', subject: productId });
    const older = createEvent('ProductCreated', facts('Teapot', 'teapot', 'published'), { source: 'catalog', subject: productId, occurredAt: new Date(Date.parse(newer.occurredAt) - 60_000) });
    await deliver(newer);
    await deliver(older); // late and older: loses
    const u = await customer();
    for (const s of [sku, other]) assert.equal((await call('POST', '/notifications/stock-subscriptions', { sku: s }, u.userId)).status, 201);
    await deliver(createEvent('StockReplenished', { sku, available: 2 }, { source: 'inventory', subject: sku }));
    await deliver(createEvent('StockReplenished', { sku: other, available: 2 }, { source: 'inventory', subject: other }));
    const told = await rows(`kind = 'back_in_stock' AND channel = 'email' AND user_id = $1`, [u.userId]);
    assert.equal(told.length, 2);
    const named = told.find((m) => m.text.includes(sku))!;
    assert.match(String(named.subject), /Glass Teapot, 1 l is back in stock/);
    assert.match(named.text, /\/p\/glass-teapot-1l\b/);
    const unknown = told.find((m) => m.text.includes(other))!;
    assert.match(unknown.text, new RegExp(`/search\\?q=${other}`), 'a SKU the catalog has not named leads to the search');

    // Taken off sale: the next message falls back to the search.
    await deliver(createEvent('ProductUpdated', facts('Glass Teapot, 1 l', 'glass-teapot-1l', 'draft'), { source: 'catalog', subject: productId }));
    assert.equal((await call('POST', '/notifications/stock-subscriptions', { sku }, u.userId)).status, 201);
    await deliver(createEvent('StockReplenished', { sku, available: 1 }, { source: 'inventory', subject: sku }));
    const again = await rows(`kind = 'back_in_stock' AND channel = 'email' AND user_id = $1`, [u.userId]);
    assert.equal(again.length, 3);
    assert.match(again[2]!.text, new RegExp(`/search\\?q=${sku}`));
  });

  it('low stock reaches administrators and catalog managers once per crossing', async () => {
    const admin = newId('usr');
    await deliver(createEvent('UserRegistered', { userId: admin, email: 'boss@example.com', name: 'Boss', emailVerified: true, method: 'password', roles: ['customer'] }, { source: 'auth', subject: admin }));
    await deliver(createEvent('RolesChanged', { userId: admin, roles: ['admin'], previousRoles: ['customer'], changedBy: null }, { source: 'user', subject: admin }));
    const low = createEvent('LowStock', { sku: 'LOW-1', available: 2, threshold: 5 }, { source: 'inventory', subject: 'LOW-1' });
    await deliver(low);
    await deliver(low);
    const sent = await rows(`event_id = $1`, [low.id]);
    assert.deepEqual(sent.map((m) => [m.recipient, m.kind]), [['boss@example.com', 'low_stock']]);
  });

  it('staff read the delivery log by customer, status and order, resend, and preview templates; customers may not', async () => {
    const { userId, email } = await customer();
    const { orderId } = await shipped(userId, email);
    await settled('order_id = $1', [orderId], 1);
    const support = newId('usr');
    const log = await call('GET', `/notifications?userId=${userId}`, undefined, support, ['support']);
    assert.equal(log.status, 200);
    assert.deepEqual(log.json().items!.map((i) => i.template).sort(), ['order_shipped', 'welcome']);
    const byOrder = (await call('GET', `/notifications?orderId=${orderId}&status=sent`, undefined, support, ['support'])).json().items!;
    assert.equal(byOrder.length, 1);
    assert.equal((await call('GET', `/notifications?userId=${userId}`, undefined, userId)).status, 403);
    const resent = await call('POST', `/notifications/${byOrder[0]!.id}/resend`, undefined, support, ['support']);
    assert.equal(resent.status, 202);
    assert.equal(resent.json().resentFrom, byOrder[0]!.id);
    await settled('order_id = $1', [orderId], 2);
    const page1 = (await call('GET', `/notifications?limit=1`, undefined, support, ['admin'])).json();
    const page2 = (await call('GET', `/notifications?limit=1&cursor=${page1.nextCursor as string}`, undefined, support, ['admin'])).json();
    assert.notEqual(page1.items![0]!.id, page2.items![0]!.id);
    const preview = await call('GET', '/notifications/templates/back_in_stock/preview?lang=de', undefined, support, ['catalog_manager']);
    assert.equal(preview.status, 200);
    assert.equal(preview.json().subject, 'Blue Linen Shirt is back in stock');
    assert.match(String(preview.json().html), /Back in stock/);
    assert.ok(preview.json().sms);
    assert.equal((await call('GET', '/notifications/templates/nope/preview', undefined, support, ['admin'])).status, 400);
  });

  it('UserDeleted erases the contact, choices, browsers and wishes, and anonymises the log', async () => {
    const { userId, email } = await customer({ phone: '+14155550155' });
    const browser = push.browser();
    await call('POST', '/notifications/push-subscriptions', { endpoint: browser.endpoint, keys: browser.keys }, userId);
    await call('POST', '/notifications/stock-subscriptions', { sku: 'GONE-1' }, userId);
    // A browser that unsubscribes is removed by its endpoint; a wish withdrawn by its SKU.
    const other = push.browser();
    await call('POST', '/notifications/push-subscriptions', { endpoint: other.endpoint, keys: other.keys }, userId);
    const del = (path: string) => call('DELETE', path, undefined, userId);
    assert.equal((await del(`/notifications/push-subscriptions?endpoint=${encodeURIComponent(other.endpoint)}`)).status, 204);
    assert.equal((await del(`/notifications/push-subscriptions?endpoint=${encodeURIComponent(other.endpoint)}`)).status, 404);
    await call('POST', '/notifications/stock-subscriptions', { sku: 'GONE-2' }, userId);
    assert.equal((await del('/notifications/stock-subscriptions?sku=GONE-2')).status, 204);
    assert.equal((await del('/notifications/stock-subscriptions?sku=GONE-2')).status, 404);
    const gone = createEvent('UserDeleted', { userId, deletedBy: null, deletedAt: new Date().toISOString() }, { source: 'user', subject: userId });
    await deliver(gone);
    for (const table of ['contacts', 'preferences', 'push_subscriptions', 'stock_subscriptions']) {
      assert.equal((await svc.db.query(`SELECT 1 FROM ${table} WHERE user_id = $1`, [userId])).rowCount, 0, table);
    }
    assert.equal((await rows('recipient = $1', [email])).length, 0);
  });
});
