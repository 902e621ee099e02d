import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Payment } from './payment.js';
import { decideOutcome } from './payment-outcome.js';
import type { PaymentState } from './payment-states.js';

const payment = (state: PaymentState): Payment => ({
  id: 'pay_01HZZZZZZZZZZZZZZZZZZZZZZZ',
  orderId: 'ord_01HZZZZZZZZZZZZZZZZZZZZZZZ',
  userId: null,
  email: 'buyer@example.com',
  provider: 'stripe',
  paymentMethod: 'pm_card_visa',
  amount: 1500,
  currency: 'EUR',
  state,
  providerRef: null,
  chargeRef: null,
  cardBrand: null,
  cardLast4: null,
  nextActionUrl: null,
  failureCode: null,
  failureMessage: null,
  capturedAmount: 0,
  refundedAmount: 0,
  attempts: 1,
  createdAt: new Date(0),
  updatedAt: new Date(0),
});

describe('payment outcomes', () => {
  it('a success captures the amount and says PaymentSucceeded', () => {
    const d = decideOutcome(payment('processing'), { status: 'succeeded', providerRef: 'pi_1', chargeRef: 'ch_1', card: { brand: 'visa', last4: '4242' } }, 5)!;
    assert.equal(d.next.state, 'succeeded');
    assert.equal(d.next.capturedAmount, 1500);
    assert.deepEqual([d.next.providerRef, d.next.chargeRef, d.next.cardBrand, d.next.cardLast4], ['pi_1', 'ch_1', 'visa', '4242']);
    assert.deepEqual(d.event, { type: 'PaymentSucceeded', data: { orderId: payment('created').orderId, paymentId: payment('created').id, provider: 'stripe', amount: { amount: 1500, currency: 'EUR' } } });
    assert.equal(d.leaseSeconds, null);
  });

  it('a late or repeated answer changes nothing and says nothing', () => {
    assert.equal(decideOutcome(payment('succeeded'), { status: 'processing', providerRef: 'pi_1', chargeRef: null }, 5), null);
    assert.equal(decideOutcome(payment('succeeded'), { status: 'succeeded', providerRef: 'pi_1', chargeRef: null }, 5), null);
    assert.equal(decideOutcome(payment('succeeded'), { status: 'failed', providerRef: 'pi_1', chargeRef: null, code: 'x', message: 'y' }, 5), null);
    assert.equal(decideOutcome(payment('failed'), { status: 'succeeded', providerRef: 'pi_1', chargeRef: null }, 5), null);
    assert.equal(decideOutcome(payment('requires_action'), { status: 'unknown' }, 5), null);
  });

  it('an unknown answer keeps the payment for the reconciler, with a lease and no event', () => {
    const d = decideOutcome(payment('processing'), { status: 'unknown' }, 7)!;
    assert.equal(d.next.state, 'unknown');
    assert.equal(d.leaseSeconds, 7);
    assert.equal(d.event, null);
    const again = decideOutcome(payment('unknown'), { status: 'unknown' }, 14)!;
    assert.equal(again.leaseSeconds, 14);
  });

  it('a customer step says PaymentActionRequired once; a failure clips its code and message', () => {
    const a = decideOutcome(payment('processing'), { status: 'requires_action', providerRef: 'pi_1', chargeRef: null, nextActionUrl: 'https://example.com/3ds' }, 5)!;
    assert.equal(a.event?.type, 'PaymentActionRequired');
    assert.equal(decideOutcome(a.next, { status: 'requires_action', providerRef: 'pi_1', chargeRef: null, nextActionUrl: 'https://example.com/3ds' }, 5), null);
    const f = decideOutcome(payment('processing'), { status: 'failed', providerRef: null, chargeRef: null, code: 'c'.repeat(100), message: 'm'.repeat(600) }, 5)!;
    assert.equal(f.next.failureCode!.length, 64);
    assert.equal(f.event?.type === 'PaymentFailed' && f.event.data.message.length, 500);
  });
});
