import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertValidEvent, createEvent, InvalidEventError, validateEvent } from './envelope.js';
import { newId, ulid } from './ids.js';
import { EVENT_TYPES } from './registry.js';

// Every event DESIGN.md names, by the service that publishes it.
const DESIGN_EVENTS = [
  'UserRegistered', 'PasswordResetRequested', 'EmailVerificationRequested', 'EmailVerified', 'UserUpdated', 'RolesChanged',
  'ProductCreated', 'ProductUpdated', 'ProductDeleted', 'PriceChanged', 'ReviewSummaryChanged',
  'StockReserved', 'StockRejected', 'StockReleased', 'StockCommitted', 'LowStock',
  'OrderPlaced', 'PaymentRequested', 'OrderConfirmed', 'OrderCancelled', 'OrderShipped', 'OrderDelivered', 'RefundRequested',
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

  it('refuses unknown types and versions, and a malformed envelope', () => {
    const e = createEvent('OrderPlaced', placed, { source: 'order', subject: orderId });
    const unknownType = validateEvent({ ...e, type: 'OrderTeleported' });
    assert.ok(!unknownType.ok && unknownType.errors[0]!.message.includes('unknown event OrderTeleported'));
    assert.equal(validateEvent({ ...e, version: 2 }).ok, false);
    assert.throws(() => assertValidEvent({ ...e, id: 'x', extra: true }), /\/id.*\/extra|\/extra.*\/id/);
    assert.equal(validateEvent('just a string').ok, false);
  });

  it('makes ids that sort by creation time, even within one millisecond', () => {
    const ids = Array.from({ length: 1000 }, () => ulid(1_700_000_000_000));
    assert.deepEqual([...ids].sort(), ids);
    assert.equal(new Set(ids).size, 1000);
    assert.ok(ulid(1_700_000_000_001) > ids[999]!);
  });
});
