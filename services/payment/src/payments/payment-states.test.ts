import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canTransition, IllegalTransition, PAYMENT_STATES, TRANSITIONS, transition, type PaymentState } from './payment-states.js';

describe('payment state machine', () => {
  it('names only known states in its table', () => {
    for (const [from, tos] of Object.entries(TRANSITIONS)) {
      assert.ok(PAYMENT_STATES.includes(from as PaymentState));
      for (const to of tos) assert.ok(PAYMENT_STATES.includes(to), `${from} → ${to}`);
    }
    assert.deepEqual(Object.keys(TRANSITIONS).sort(), [...PAYMENT_STATES].sort());
  });

  it('follows the happy paths', () => {
    let s: PaymentState = 'created';
    for (const next of ['processing', 'requires_action', 'processing', 'succeeded', 'partially_refunded', 'partially_refunded', 'refunded'] as const) s = transition(s, next);
    assert.equal(s, 'refunded');
    assert.equal(transition(transition('processing', 'unknown'), 'succeeded'), 'succeeded');
    assert.equal(transition('unknown', 'processing'), 'processing');
  });

  it('refuses moves backwards and out of final states', () => {
    const refused: [PaymentState, PaymentState][] = [
      ['succeeded', 'processing'],
      ['succeeded', 'failed'],
      ['succeeded', 'requires_action'],
      ['failed', 'succeeded'],
      ['refunded', 'partially_refunded'],
      ['refunded', 'succeeded'],
      ['partially_refunded', 'succeeded'],
      ['created', 'succeeded'],
      ['requires_action', 'unknown'],
      ['processing', 'created'],
    ];
    for (const [from, to] of refused) {
      assert.equal(canTransition(from, to), false, `${from} → ${to}`);
      assert.throws(() => transition(from, to), (err: unknown) => err instanceof IllegalTransition && err.from === from && err.to === to);
    }
    for (const to of PAYMENT_STATES) {
      assert.equal(canTransition('failed', to), false);
      assert.equal(canTransition('refunded', to), false);
    }
  });

  it('leaves no state that a payment cannot leave except the final ones', () => {
    for (const s of PAYMENT_STATES) if (s !== 'failed' && s !== 'refunded') assert.ok(TRANSITIONS[s].length > 0, s);
  });
});
