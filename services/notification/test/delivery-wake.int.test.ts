import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { MemoryBus, type RunningService } from '@mercato/chassis';
import { createTestDatabase, eventually, skipUnless, type TestDatabase } from '@mercato/chassis/testing';
import { createEvent, newId } from '@mercato/contracts';
import { queueEmail, startNotification } from './support.js';

const status = async (svc: RunningService, eventId: string) =>
  (await svc.db.query<{ status: string }>('SELECT status FROM messages WHERE event_id = $1', [eventId])).rows[0]?.status;

describe('notification delivery: what wakes it', { skip: skipUnless('postgres') }, () => {
  let db: TestDatabase;
  let dir: string;
  let svc: RunningService;
  let bus: MemoryBus;

  before(async () => {
    db = await createTestDatabase('notif_wake');
    dir = await mkdtemp(join(tmpdir(), 'mercato-mailbox-'));
    bus = new MemoryBus();
    // The poll is ten minutes away: only a wake-up sends anything during the test.
    svc = await startNotification(db, { NOTIFICATION_MAILBOX_DIR: dir, NOTIFICATION_DELIVERY_POLL_MS: '600000' }, bus);
    bus.open();
    await new Promise((r) => setTimeout(r, 200)); // any pass at start is over
  });

  after(async () => {
    await svc?.stop();
    await bus?.close();
    await db?.drop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('a commit that queued nothing (an order’s contact recorded) starts no delivery pass; one that queued a message does', async () => {
    // A message due now, written outside any transaction of the service: nothing wakes for it.
    const waiting = newId('evt');
    await queueEmail(svc.db, waiting, 'welcome', 'waiting@example.com', { subject: 'Waiting', html: '<p>Waiting</p>', text: 'Waiting' });

    const orderId = newId('ord');
    const total = { amount: 850, currency: 'USD' };
    const lines = [{ sku: 'MUG', productId: newId('prd'), variantId: newId('var'), title: 'Mug', quantity: 1, unitPrice: total }];
    await bus.publish([createEvent('OrderPlaced', { orderId, userId: null, email: 'guest@example.com', lines, total, accessToken: null }, { source: 'order', subject: orderId })]);
    await eventually(async () => ((await svc.db.query('SELECT 1 FROM order_contacts WHERE order_id = $1', [orderId])).rowCount === 1 ? true : undefined));
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(await status(svc, waiting), 'pending', 'the OrderPlaced commit woke no delivery pass');

    const userId = newId('usr');
    const registered = createEvent(
      'UserRegistered',
      { userId, email: 'new@example.com', name: 'New Customer', emailVerified: true, method: 'password', roles: ['customer'] },
      { source: 'auth', subject: userId },
    );
    await bus.publish([registered]);
    // Its commit queued the welcome message: the pass it starts sends both.
    await eventually(async () => ((await status(svc, registered.id)) === 'sent' ? true : undefined));
    await eventually(async () => ((await status(svc, waiting)) === 'sent' ? true : undefined));
  });
});
