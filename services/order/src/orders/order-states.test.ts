import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canMove, isCancellable, isSettled, ORDER_STATUSES, TRANSITIONS } from './order-states.js';

describe('the order state machine', () => {
  it('moves pending → awaiting_payment → confirmed → shipped → delivered, and no other way round', () => {
    assert.ok(canMove('pending', 'awaiting_payment'));
    assert.ok(canMove('awaiting_payment', 'confirmed'));
    assert.ok(canMove('confirmed', 'shipped'));
    assert.ok(canMove('shipped', 'delivered'));
    assert.ok(!canMove('pending', 'confirmed'));
    assert.ok(!canMove('delivered', 'pending'));
    assert.ok(!canMove('shipped', 'cancelled'));
  });

  it('ends in refunded; a cancelled order moves on only when its capture is given back', () => {
    assert.deepEqual(TRANSITIONS.cancelled, ['refunded']);
    assert.deepEqual(TRANSITIONS.refunded, []);
    assert.ok(isCancellable('pending') && isCancellable('awaiting_payment') && isCancellable('confirmed'));
    assert.ok(!isCancellable('shipped') && !isCancellable('delivered') && !isCancellable('refunded') && !isCancellable('cancelled'));
    for (const s of ORDER_STATUSES) assert.ok(TRANSITIONS[s].every((t) => ORDER_STATUSES.includes(t)));
  });

  it('is settled once the checkout outcome is known', () => {
    assert.deepEqual(
      ORDER_STATUSES.filter((s) => !isSettled(s)),
      ['pending', 'awaiting_payment'],
    );
  });
});
