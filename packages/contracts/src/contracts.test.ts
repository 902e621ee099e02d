import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertValidEvent, buildEvent, createEvent, InvalidEventError, validateEvent } from './envelope.js';
import { newId, ulid } from './ids.js';
import { EVENT_TYPES } from './registry.js';

// Every event DESIGN.md names, by the service that publishes it, and PasswordChanged (added to
// auth's events since, so that an account's owner is told by email of every password change).
const DESIGN_EVENTS = [
  'UserRegistered', 'PasswordResetRequested', 'PasswordChanged', 'EmailVerificationRequested', 'EmailVerified', 'UserUpdated', 'UserDeleted', 'RolesChanged',
  'ProductCreated', 'ProductUpdated', 'ProductDeleted', 'PriceChanged', 'ReviewSummaryChanged', 'ReviewPublished', 'ReviewRejected',
  'StockReserved', 'StockRejected', 'StockReleased', 'StockCommitted', 'LowStock', 'StockReplenished',
  'OrderPlaced', 'PaymentRequested', 'OrderConfirmed', 'OrderCancelled', 'OrderShipped', 'OrderDelivered', 'RefundRequested', 'CartAbandoned',
  'PaymentSucceeded', 'PaymentFailed', 'PaymentActionRequired', 'Refunded',
];

const orderId = newId('ord');
const placed = {
  orderId,
  userId: null,
  email: 'buyer@example.com',
  lines: [{ sku: 'MUG-01', productId: newId('prd'), variantId: newId('var'), title: 'Mug', quantity: 2, unitPrice: { amount: 500, currency: 'JPY' } }],
  total: { amount: 1000, currency: 'JPY' },
};

describe('event contracts', () => {
  it('registers every event of the design, each with a version 1 schema', () => {
    assert.deepEqual([...EVENT_TYPES].sort(), [...DESIGN_EVENTS].sort());
  });

  it('builds a valid envelope with id, version, time, source, subject and trace', () => {
    const tp = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
    const e = createEvent('OrderPlaced', placed, { source: 'order', subject: orderId, traceparent: tp });
    assert.match(e.id, /^evt_[0-9A-Z]{26}$/);
    assert.equal(e.version, 1);
    assert.equal(e.traceparent, tp);
    assert.ok(validateEvent(JSON.parse(JSON.stringify(e))).ok);
  });

  it('refuses bad data with a pointer to each bad field', () => {
    const bad = { ...placed, email: 'not-an-email', total: { amount: 1.5, currency: 'yen' }, extra: 1 };
    assert.throws(
      () => createEvent('OrderPlaced', bad as never, { source: 'order', subject: orderId }),
      (err: unknown) => {
        assert.ok(err instanceof InvalidEventError);
        const pointers = err.errors.map((e) => e.pointer).sort();
        assert.deepEqual(pointers, ['/data/email', '/data/extra', '/data/total/amount', '/data/total/currency']);
        return true;
      },
    );
  });

  it('builds without validating for a writer that validates where it stores (the same envelope otherwise)', () => {
    const bad = buildEvent('OrderPlaced', { ...placed, email: 'not-an-email' }, { source: 'order', subject: orderId });
    assert.equal(validateEvent(bad).ok, false);
    const meta = { source: 'order', subject: orderId, id: newId('evt'), occurredAt: new Date() };
    assert.deepEqual(buildEvent('OrderPlaced', placed, meta), createEvent('OrderPlaced', placed, meta));
    assert.equal(buildEvent('UserUpdated', { userId: 'u', email: 'a@example.com', name: 'A', changed: [] } as never, meta).version, 2, 'the latest version');
  });

  it('refuses unknown types and versions, and a malformed envelope', () => {
    const e = createEvent('OrderPlaced', placed, { source: 'order', subject: orderId });
    const unknownType = validateEvent({ ...e, type: 'OrderTeleported' });
    assert.ok(!unknownType.ok && unknownType.errors[0]!.message.includes('unknown event OrderTeleported'));
    assert.equal(validateEvent({ ...e, version: 2 }).ok, false);
    assert.throws(() => assertValidEvent({ ...e, id: 'x', extra: true }), /\/id.*\/extra|\/extra.*\/id/);
    assert.equal(validateEvent('just a string').ok, false);
  });

  it('keeps version 1 of UserUpdated readable beside version 2, which new events use', () => {
    const userId = newId('usr');
    const v1 = { id: newId('evt'), type: 'UserUpdated', version: 1, occurredAt: new Date().toISOString(), source: 'user', subject: userId, traceparent: null, data: { userId, email: 'a@example.com', name: 'A', changed: ['name'] } };
    assert.ok(validateEvent(v1).ok);
    assert.equal(validateEvent({ ...v1, version: 2 }).ok, false, 'version 2 requires the contact fields');
    const v2 = createEvent('UserUpdated', { userId, email: 'a@example.com', name: 'A', phone: '+4915112345678', locale: 'de', timeZone: 'Europe/Berlin', changed: ['phone'] }, { source: 'user', subject: userId });
    assert.equal(v2.version, 2);
    assert.equal(validateEvent({ ...v2, data: { ...v2.data, phone: '0151 123' } }).ok, false, 'phone numbers travel in E.164');
  });

  it('makes ids that sort by creation time, even within one millisecond', () => {
    const ids = Array.from({ length: 1000 }, () => ulid(1_700_000_000_000));
    assert.deepEqual([...ids].sort(), ids);
    assert.equal(new Set(ids).size, 1000);
    assert.ok(ulid(1_700_000_000_001) > ids[999]!);
  });
});
