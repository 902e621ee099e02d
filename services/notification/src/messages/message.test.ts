import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addressDomain, afterFailure, describeError, messageIdHeader } from './message.js';

describe('afterFailure', () => {
  const policy = { maxAttempts: 4, baseMs: 100, maxMs: 350 };

  it('retries with growing delays, capped, then fails when the attempts are spent', () => {
    const top = () => 0.999999; // jitter factor close to 1
    const delays = [1, 2, 3].map((n) => afterFailure(n, policy, top));
    assert.deepEqual(
      delays.map((d) => d.status),
      ['pending', 'pending', 'pending'],
    );
    const ms = delays.map((d) => (d.status === 'pending' ? d.delayMs : -1));
    assert.deepEqual(ms, [99, 199, 349]);
    assert.deepEqual(afterFailure(4, policy), { status: 'failed' });
    assert.deepEqual(afterFailure(9, policy), { status: 'failed' });
  });

  it('jitters each delay into [half, full) of the exponential step', () => {
    for (let i = 0; i < 200; i++) {
      const d = afterFailure(2, policy);
      assert.equal(d.status, 'pending');
      if (d.status === 'pending') assert.ok(d.delayMs >= 100 && d.delayMs < 200, String(d.delayMs));
    }
  });

  it('a single allowed attempt fails at once', () => {
    assert.deepEqual(afterFailure(1, { ...policy, maxAttempts: 1 }), { status: 'failed' });
  });
});

describe('messageIdHeader', () => {
  it('is derived from the message id and the sender domain only', () => {
    assert.equal(messageIdHeader('msg_01ABC', 'Shop <no-reply@Shop.Example.com>'), '<msg_01ABC@shop.example.com>');
    assert.equal(messageIdHeader('msg_01ABC', 'no-reply@shop.example.com'), messageIdHeader('msg_01ABC', 'Other <x@shop.example.com>'));
    assert.equal(addressDomain('nobody'), 'localhost');
  });
});

describe('describeError', () => {
  it('keeps one line, bounded', () => {
    assert.equal(describeError(new Error('550 mailbox\r\nunavailable')), 'Error: 550 mailbox unavailable');
    assert.equal(describeError('x'.repeat(5000)).length, 2000);
  });
});
