import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SANDBOX_METHODS, sandboxMethod, sandboxStatus } from './sandbox-methods.js';

describe('sandbox payment methods', () => {
  it("follows Stripe's test payment-method ids", () => {
    assert.equal(sandboxStatus('pm_card_visa'), 'succeeded');
    assert.equal(sandboxStatus('pm_card_mastercard'), 'succeeded');
    assert.equal(sandboxStatus('pm_card_chargeDeclined'), 'failed');
    assert.equal(sandboxStatus('pm_card_chargeDeclinedInsufficientFunds'), 'failed');
    assert.equal(sandboxStatus('pm_card_authenticationRequired'), 'requires_action');
    // The timeout card is charged: only its answer is lost.
    assert.equal(sandboxStatus('pm_card_timeout'), 'succeeded');
    assert.equal(sandboxMethod('pm_card_timeout')?.behaviour, 'timeout');
  });

  it('refuses methods it does not know, including inherited names', () => {
    assert.equal(sandboxStatus('pm_card_unknown'), 'failed');
    assert.equal(sandboxMethod('toString'), undefined);
    assert.equal(sandboxMethod('4242424242424242'), undefined);
  });

  it('keeps only brand and last four, and declines carry a code', () => {
    assert.deepEqual(sandboxMethod('pm_card_visa')?.card, { brand: 'visa', last4: '4242' });
    for (const [id, m] of Object.entries(SANDBOX_METHODS)) {
      assert.match(m.card.last4 ?? '', /^\d{4}$/, id);
      assert.deepEqual(Object.keys(m.card).sort(), ['brand', 'last4'], id);
      if (m.behaviour === 'decline') assert.ok(m.code, id);
    }
  });
});
