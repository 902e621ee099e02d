import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError } from '@mercato/chassis';
import { loadPaymentConfig, sandboxEnabled } from './config.js';

describe('the sandbox is never a way to pay a real shop', () => {
  const demo = { embedded: true, demo: true, liveKey: undefined };

  it('is on by default only in the embedded demo, and never beside a live key', () => {
    assert.equal(sandboxEnabled(undefined, demo).enabled, true);
    assert.equal(sandboxEnabled(undefined, { ...demo, demo: false }).enabled, false, 'an embedded shop without the demo data');
    assert.equal(sandboxEnabled(undefined, { ...demo, embedded: false }).enabled, false, 'the distributed mode');
    assert.equal(sandboxEnabled(undefined, { ...demo, liveKey: 'Stripe' }).enabled, false, 'the demo with a live key');
  });

  it('is on when asked for, but refuses to start beside a live key unless forced', () => {
    assert.equal(sandboxEnabled('true', { ...demo, embedded: false }).enabled, true);
    assert.equal(sandboxEnabled('false', demo).enabled, false);
    assert.throws(() => sandboxEnabled('true', { ...demo, liveKey: 'Razorpay' }), (err: unknown) => err instanceof ConfigError && /PAYMENT_SANDBOX.*live Razorpay.*force/.test(err.message));
    assert.deepEqual(sandboxEnabled('force', { ...demo, liveKey: 'Stripe' }), { enabled: true, forcedWithLiveKey: true });
  });

  it('reads the keys: live ones are sk_live_, rk_live_ and rzp_live_', () => {
    const live = loadPaymentConfig({ STRIPE_SECRET_KEY: 'sk_live_abc' }, { embedded: true });
    assert.equal(live.sandbox.enabled, false);
    const test = loadPaymentConfig({ STRIPE_SECRET_KEY: 'sk_test_abc' }, { embedded: true });
    assert.equal(test.sandbox.enabled, true, 'test-mode keys move no money');
    assert.throws(() => loadPaymentConfig({ RAZORPAY_KEY_ID: 'rzp_live_x', RAZORPAY_KEY_SECRET: 's', PAYMENT_SANDBOX: 'true' }));
    assert.equal(loadPaymentConfig({ MERCATO_DEMO_DATA: 'false' }, { embedded: true }).sandbox.enabled, false);
    assert.throws(() => loadPaymentConfig({ PAYMENT_SANDBOX: 'yes' }), /PAYMENT_SANDBOX/);
  });
});
