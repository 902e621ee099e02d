import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Db, MemoryBus, startService, type RunningService } from '@mercato/chassis';
import { captureLogger, createTestDatabase, eventually, skipUnless, type TestDatabase } from '@mercato/chassis/testing';
import { createEvent, newId } from '@mercato/contracts';
import { SMTPServer } from 'smtp-server';
import type { Mailer, OutgoingMail } from '../src/mail/mailer.js';
import { DeliveryWorker } from '../src/messages/deliver-messages.js';
import { EmailChannel } from '../src/channels/email-channel.js';
import { renderWelcome } from '../src/templates/templates.js';
import { notificationService } from '../src/service.js';
import { MAILBOX_TOKEN, PUBLIC_URL, queueEmail as queueMessage, startNotification } from './support.js';

interface MessageRow {
  id: string;
  event_id: string;
  kind: string;
  recipient: string;
  subject: string;
  status: string;
  attempts: number;
  last_error: string | null;
  provider_message_id: string | null;
  [key: string]: unknown;
}

const TOKEN = 'tok_0123456789abcdef+/=';
const ENCODED = encodeURIComponent(TOKEN);

function userRegistered(email: string, name = 'Ann Example') {
  const userId = newId('usr');
  return createEvent(
    'UserRegistered',
    { userId, email, name, emailVerified: false, method: 'password', roles: ['customer'] },
    { source: 'auth', subject: userId },
  );
}

function tokenEvent(type: 'EmailVerificationRequested' | 'PasswordResetRequested', email: string) {
  const userId = newId('usr');
  const expiresAt = new Date(Date.now() + 3_600_000).toISOString();
  return createEvent(type, { userId, email, name: 'Ann Example', token: TOKEN, expiresAt }, { source: 'auth', subject: userId });
}

async function messagesOf(svc: RunningService, eventId: string): Promise<MessageRow[]> {
  return (await svc.db.query<MessageRow>('SELECT * FROM messages WHERE event_id = $1', [eventId])).rows;
}

/** Undoes quoted-printable (soft breaks and =XX) so a test can look for a link in a body part. */
function unQuote(raw: string): string {
  return raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

function header(raw: string, name: string): string | undefined {
  const m = new RegExp(`^${name}: (.*(?:\\r?\\n[ \\t].*)*)`, 'im').exec(raw);
  return m?.[1]?.replace(/\r?\n[ \t]/g, ' ');
}


describe('notification email channel: the mailbox mailer', { skip: skipUnless('postgres') }, () => {
  let db: TestDatabase;
  let dir: string;
  let svc: RunningService;
  let bus: MemoryBus;

  before(async () => {
    db = await createTestDatabase('notif_mailbox');
    dir = await mkdtemp(join(tmpdir(), 'mercato-mailbox-'));
    bus = new MemoryBus();
    svc = await startNotification(db, { NOTIFICATION_MAILBOX_DIR: dir }, bus);
    bus.open();
  });

  after(async () => {
    await svc?.stop();
    await bus?.close();
    await db?.drop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('queues one welcome message per event, even when the event is delivered twice, and writes it as .eml', async () => {
    const event = userRegistered('ann@example.com');
    await bus.publish([event]);
    await bus.publish([event]);
    const sent = await eventually(async () => {
      const rows = await messagesOf(svc, event.id);
      return rows[0]?.status === 'sent' ? rows : undefined;
    });
    assert.equal(sent.length, 1, 'one message for one event');
    const m = sent[0]!;
    assert.match(m.id, /^msg_/);
    assert.equal(m.kind, 'welcome');
    assert.equal(m.recipient, 'ann@example.com');
    assert.equal(m.subject, 'Welcome to mercato, Ann Example');
    assert.equal(m.attempts, 1);
    const raw = await readFile(join(dir, `${m.id}.eml`), 'utf8');
    assert.equal(header(raw, 'To'), 'ann@example.com');
    assert.equal(header(raw, 'Subject'), 'Welcome to mercato, Ann Example');
    assert.equal(header(raw, 'Message-ID'), `<${m.id}@shop.example.com>`);
    assert.match(header(raw, 'Content-Type') ?? '', /^multipart\/alternative/);
    assert.match(raw, /Content-Type: text\/plain/);
    assert.match(raw, /Content-Type: text\/html/);
    // The index lists it within its delay (a quarter of a second).
    const listed = await eventually(async () => {
      const index = JSON.parse(await readFile(join(dir, 'index.json'), 'utf8').catch(() => '[]')) as { id: string; to: string; subject: string }[];
      const mine = index.filter((e) => e.id === m.id);
      return mine.length > 0 ? mine : undefined;
    });
    assert.deepEqual(
      listed.map((e) => [e.to, e.subject]),
      [['ann@example.com', m.subject]],
    );
  });

  it('puts the URL-encoded token link in verification and reset emails', async () => {
    for (const [type, path, subject] of [
      ['EmailVerificationRequested', '/account/verify', 'Confirm your email address'],
      ['PasswordResetRequested', '/account/reset', 'Reset your password'],
    ] as const) {
      const event = tokenEvent(type, 'bob@example.com');
      await bus.publish([event]);
      const [m] = await eventually(async () => {
        const rows = await messagesOf(svc, event.id);
        return rows[0]?.status === 'sent' ? rows : undefined;
      });
      const raw = await readFile(join(dir, `${m!.id}.eml`), 'utf8');
      assert.equal(header(raw, 'Subject'), subject);
      assert.equal(header(raw, 'To'), 'bob@example.com');
      const body = unQuote(raw);
      assert.ok(body.includes(`${PUBLIC_URL}${path}?token=${ENCODED}`), `${type}: the link with the encoded token`);
      assert.ok(!body.includes(TOKEN), `${type}: the raw token never appears`);
    }
  });

  it('tells the owner of a changed password, with how it was changed and the way back', async () => {
    for (const [via, how] of [['change', 'from your account page'], ['reset', 'with a reset link']] as const) {
      const userId = newId('usr');
      const event = createEvent('PasswordChanged', { userId, email: 'dora@example.com', name: 'Dora', via, changedAt: new Date().toISOString() }, { source: 'auth', subject: userId });
      await bus.publish([event]);
      const [m] = await eventually(async () => {
        const rows = await messagesOf(svc, event.id);
        return rows[0]?.status === 'sent' ? rows : undefined;
      });
      assert.equal(m!.kind, 'password_changed');
      const raw = await readFile(join(dir, `${m!.id}.eml`), 'utf8');
      assert.equal(header(raw, 'Subject'), 'Your password was changed');
      assert.equal(header(raw, 'To'), 'dora@example.com');
      const body = unQuote(raw).replace(/\s+/g, ' ');
      assert.ok(body.includes(how), `${via}: says how it was changed`);
      assert.ok(body.includes(`${PUBLIC_URL}/account/forgot`), `${via}: the way back`);
    }
  });

  it('shows the delivery log on the development page only with its token; the .eml files are private (0600)', async () => {
    const event = userRegistered('page@example.com', 'Page <Reader>');
    await bus.publish([event]);
    const [m] = await eventually(async () => {
      const rows = await messagesOf(svc, event.id);
      return rows[0]?.status === 'sent' ? rows : undefined;
    });
    for (const url of [`${svc.url}/notifications/dev/mailbox`, `${svc.url}/notifications/dev/mailbox/${m!.id}`, `${svc.url}/notifications/dev/mailbox?token=${MAILBOX_TOKEN}x`]) {
      const refused = await fetch(url);
      assert.equal(refused.status, 401, url);
      assert.ok(!(await refused.text()).includes('page@example.com'));
    }
    const token = `?token=${MAILBOX_TOKEN}`;
    const page = await fetch(`${svc.url}/notifications/dev/mailbox${token}`);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type') ?? '', /^text\/html/);
    assert.equal(page.headers.get('cache-control'), 'no-store');
    const html = await page.text();
    assert.ok(html.includes('page@example.com'));
    assert.ok(html.includes('Welcome to mercato, Page &lt;Reader&gt;'));
    assert.ok(html.includes(`/notifications/dev/mailbox/${m!.id}${token}`), 'its links carry the token');
    const one = await fetch(`${svc.url}/notifications/dev/mailbox/${m!.id}${token}`);
    assert.equal(one.status, 200);
    assert.ok((await one.text()).includes('Welcome, Page &lt;Reader&gt;!'));
    assert.ok(one.headers.get('content-security-policy')?.includes("default-src 'none'"));
    assert.equal((await fetch(`${svc.url}/notifications/dev/mailbox/${newId('msg')}${token}`)).status, 404);
    assert.equal((await fetch(`${svc.url}/notifications/dev/mailbox/not-an-id${token}`)).status, 400);
    assert.equal((await stat(join(dir, `${m!.id}.eml`))).mode & 0o777, 0o600);
    assert.equal((await stat(join(dir, 'index.json'))).mode & 0o777, 0o600);
    assert.equal((await stat(dir)).mode & 0o077, 0, 'the folder is private too');
  });
});

interface Received {
  from: string;
  to: string[];
  raw: string;
}

describe('notification email channel: SMTP', { skip: skipUnless('postgres') }, () => {
  let db: TestDatabase;
  let svc: RunningService;
  let bus: MemoryBus;
  let smtp: SMTPServer;
  const received: Received[] = [];
  // Recipient → RCPT attempts seen (time in ms), and how many to refuse (Infinity: always).
  const rcptTimes = new Map<string, number[]>();
  const refuse = new Map<string, { times: number; code: number }>([
    ['bounce@example.com', { times: Infinity, code: 550 }],
    ['flaky@example.com', { times: 2, code: 451 }],
  ]);

  before(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onRcptTo(address, _session, callback) {
        const to = address.address.toLowerCase();
        const times = rcptTimes.get(to) ?? [];
        times.push(Date.now());
        rcptTimes.set(to, times);
        const rule = refuse.get(to);
        if (rule && times.length <= rule.times) {
          const err = new Error(`mailbox ${to} unavailable`) as Error & { responseCode: number };
          err.responseCode = rule.code;
          callback(err);
          return;
        }
        callback();
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString('utf8'),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      smtp.once('error', reject);
      smtp.listen(0, '127.0.0.1', () => resolve());
    });
    const port = (smtp.server.address() as AddressInfo).port;
    db = await createTestDatabase('notif_smtp');
    bus = new MemoryBus();
    // Retry delays long enough to stand out of a busy machine's scheduling noise.
    svc = await startNotification(db, { SMTP_URL: `smtp://127.0.0.1:${port}`, NOTIFICATION_RETRY_BASE_MS: '300', NOTIFICATION_RETRY_MAX_MS: '3000' }, bus);
    bus.open();
  });

  after(async () => {
    await svc?.stop();
    await bus?.close();
    await db?.drop();
    if (smtp) await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  async function finished(eventId: string): Promise<MessageRow> {
    const [m] = await eventually(async () => {
      const rows = await messagesOf(svc, eventId);
      return rows[0] && (rows[0].status === 'sent' || rows[0].status === 'failed') ? rows : undefined;
    });
    return m!;
  }

  it('delivers a reset email once, with its subject, recipient, Message-ID and link', async () => {
    const event = tokenEvent('PasswordResetRequested', 'carol@example.com');
    await bus.publish([event]);
    await bus.publish([event]);
    const m = await finished(event.id);
    assert.equal(m.status, 'sent');
    assert.ok(m.provider_message_id?.startsWith('250'), `the server's reply is kept: ${m.provider_message_id}`);
    const mails = received.filter((r) => r.to.includes('carol@example.com'));
    assert.equal(mails.length, 1, 'one email for one event delivered twice');
    const raw = mails[0]!.raw;
    assert.equal(mails[0]!.from, 'no-reply@shop.example.com');
    assert.equal(header(raw, 'Subject'), 'Reset your password');
    assert.equal(header(raw, 'To'), 'carol@example.com');
    assert.equal(header(raw, 'Message-ID'), `<${m.id}@shop.example.com>`);
    assert.ok(unQuote(raw).includes(`${PUBLIC_URL}/account/reset?token=${ENCODED}`));
  });

  it('retries a refused message with growing delays, then marks it failed with the error', async () => {
    const event = userRegistered('bounce@example.com');
    await bus.publish([event]);
    const m = await finished(event.id);
    assert.equal(m.status, 'failed');
    assert.equal(m.attempts, 4);
    assert.match(m.last_error ?? '', /550/);
    assert.match(m.last_error ?? '', /unavailable/);
    const times = rcptTimes.get('bounce@example.com')!;
    assert.equal(times.length, 4, 'one SMTP attempt per allowed attempt');
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    // Delays are jittered within [½, 1) of 300, 600, 1200 ms: the last wait (≥ 600) exceeds the first (< 300) by far more than scheduling noise.
    assert.ok(gaps[2]! > gaps[0]!, `delays grow: ${gaps.join(', ')}`);
    assert.ok(gaps[0]! >= 140, `the first retry waits: ${gaps[0]}`);
    assert.equal(received.filter((r) => r.to.includes('bounce@example.com')).length, 0);

    const page = await fetch(`${svc.url}/notifications/dev/mailbox?token=${MAILBOX_TOKEN}`);
    assert.equal(page.status, 404, 'no development mailbox when mail goes out by SMTP, token or not');
  });

  it('marks a message sent after temporary refusals, delivered exactly once', async () => {
    const event = userRegistered('flaky@example.com', 'Flaky');
    await bus.publish([event]);
    const m = await finished(event.id);
    assert.equal(m.status, 'sent');
    assert.equal(m.attempts, 3);
    assert.equal(m.last_error, null);
    await new Promise((r) => setTimeout(r, 150)); // room for a wrong extra attempt to show
    const mails = received.filter((r) => r.to.includes('flaky@example.com'));
    assert.equal(mails.length, 1);
    assert.equal(header(mails[0]!.raw, 'Subject'), 'Welcome to mercato, Flaky');
    assert.equal(rcptTimes.get('flaky@example.com')!.length, 3);
  });
});

describe('notification delivery: several processes', { skip: skipUnless('postgres') }, () => {
  let db: TestDatabase;
  let svc: RunningService;
  let bus: MemoryBus;

  before(async () => {
    db = await createTestDatabase('notif_claim');
    bus = new MemoryBus();
    // Started without background work: only the workers below send.
    svc = await startService(notificationService, {
      env: { NOTIFICATION_DATABASE_URL: db.url, NOTIFICATION_PORT: '0', NOTIFICATION_MAILBOX_DIR: join(tmpdir(), 'unused-mailbox') },
      bus,
      listen: false,
      background: false,
      logger: captureLogger('notification', 'silent').logger,
    });
  });

  after(async () => {
    await svc?.stop();
    await bus?.close();
    await db?.drop();
  });

  it('sends each due message exactly once when workers on separate pools claim side by side', async () => {
    const count = 60;
    for (let i = 0; i < count; i++) {
      await queueMessage(svc.db, newId('evt'), 'welcome', `u${i}@example.com`, renderWelcome({ name: `U${i}`, shopUrl: PUBLIC_URL }));
    }
    const sent: string[] = [];
    const slowMailer: Mailer = {
      kind: 'smtp',
      async send(mail: OutgoingMail) {
        await new Promise((r) => setTimeout(r, 2));
        sent.push(mail.id);
        return { providerMessageId: null };
      },
      async close() {},
    };
    const pools = [new Db({ url: db.url, poolMax: 2 }), new Db({ url: db.url, poolMax: 2 }), new Db({ url: db.url, poolMax: 2 })];
    try {
      const workers = pools.map(
        (pool) =>
          new DeliveryWorker({
            db: pool,
            channels: { email: new EmailChannel(slowMailer, 'no-reply@shop.example.com') },
            logger: captureLogger('notification', 'silent').logger,
            retry: { maxAttempts: 3, baseMs: 10, maxMs: 100 },
            leaseMs: 60_000,
            batch: 5,
          }),
      );
      await Promise.all(workers.map((w) => w.drain()));
    } finally {
      await Promise.all(pools.map((p) => p.close()));
    }
    assert.equal(sent.length, count, 'every message sent');
    assert.equal(new Set(sent).size, count, 'none twice');
    const r = await svc.db.query<{ status: string; n: number }>('SELECT status, count(*)::int AS n FROM messages GROUP BY status');
    assert.deepEqual(r.rows, [{ status: 'sent', n: count }]);
  });

  /** A delivery worker whose email channel records each message it sends (3 attempts, 60 s leases). */
  const recordingWorker = (sent: OutgoingMail[], opts: { abandonedCheckMs?: number } = {}) =>
    new DeliveryWorker({
      db: svc.db,
      channels: { email: new EmailChannel({ kind: 'smtp', send: async (m: OutgoingMail) => (sent.push(m), { providerMessageId: 'ok' }), close: async () => {} }, 'no-reply@shop.example.com') },
      logger: captureLogger('notification', 'silent').logger,
      retry: { maxAttempts: 3, baseMs: 10, maxMs: 100 },
      leaseMs: 60_000,
      batch: 5,
      ...opts,
    });

  it('retries a message whose lease ran out (its process died mid-send)', async () => {
    await queueMessage(svc.db, newId('evt'), 'welcome', 'lost@example.com', renderWelcome({ name: 'Lost', shopUrl: PUBLIC_URL }));
    // A process claimed it and died: status sending, one attempt counted, lease already over.
    await svc.db.query(
      `UPDATE messages SET status = 'sending', attempts = 1, next_attempt_at = now() - interval '1 second' WHERE recipient = 'lost@example.com'`,
    );
    const sent: OutgoingMail[] = [];
    const worker = recordingWorker(sent);
    await worker.drain();
    assert.equal(sent.length, 1);
    assert.equal(sent[0]!.messageIdHeader, `<${sent[0]!.id}@shop.example.com>`, 'the same Message-ID as the first attempt had');
    const r = await svc.db.query<{ status: string; attempts: number }>(`SELECT status, attempts FROM messages WHERE recipient = 'lost@example.com'`);
    assert.deepEqual(r.rows, [{ status: 'sent', attempts: 2 }]);
  });

  it('fails a message whose last allowed attempt never finished, checking at most once per abandonedCheckMs', async () => {
    const abandon = async (recipient: string) => {
      await queueMessage(svc.db, newId('evt'), 'welcome', recipient, renderWelcome({ name: 'Gone', shopUrl: PUBLIC_URL }));
      // Its last allowed attempt (3 of 3) was claimed by a process that died; the lease is over.
      await svc.db.query(`UPDATE messages SET status = 'sending', attempts = 3, next_attempt_at = now() - interval '1 second' WHERE recipient = $1`, [recipient]);
    };
    const statusOf = async (recipient: string) =>
      (await svc.db.query<{ status: string }>('SELECT status FROM messages WHERE recipient = $1', [recipient])).rows[0]!.status;
    const sent: OutgoingMail[] = [];
    const worker = recordingWorker(sent, { abandonedCheckMs: 400 });
    await abandon('gone1@example.com');
    await worker.drain();
    assert.equal(await statusOf('gone1@example.com'), 'failed');
    await abandon('gone2@example.com');
    await worker.drain(); // within 400 ms of the last check: not looked at again yet
    assert.equal(await statusOf('gone2@example.com'), 'sending');
    await new Promise((r) => setTimeout(r, 450));
    await worker.drain();
    assert.equal(await statusOf('gone2@example.com'), 'failed');
    assert.equal(sent.length, 0, 'neither sent again');
  });
});
