import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Stripe from 'stripe';
import { InvalidWebhookSignature } from '../providers/provider.js';
import { hmacHex, safeEqual, verifyRazorpaySignature, verifyStripeSignature } from './signatures.js';

const secret = 'whsec_test_secret';
const payload = JSON.stringify({ id: 'evt_1', type: 'payment_intent.succeeded', data: { object: { id: 'pi_1' } } });
const body = Buffer.from(payload);
const refused = (fn: () => void, pattern: RegExp) => assert.throws(fn, (err: unknown) => err instanceof InvalidWebhookSignature && pattern.test(err.message));

describe('webhook signatures', () => {
  it('accepts a header made by the official Stripe helper', () => {
    const header = Stripe.webhooks.generateTestHeaderString({ payload, secret });
    verifyStripeSignature(body, header, secret);
  });

  it('refuses a tampered body, a wrong secret, a missing or malformed header', () => {
    const header = Stripe.webhooks.generateTestHeaderString({ payload, secret });
    refused(() => verifyStripeSignature(Buffer.from(payload.replace('pi_1', 'pi_2')), header, secret), /does not match/);
    refused(() => verifyStripeSignature(body, header, 'whsec_other'), /does not match/);
    refused(() => verifyStripeSignature(body, undefined, secret), /missing/);
    refused(() => verifyStripeSignature(body, 'v1=abc', secret), /malformed/);
    refused(() => verifyStripeSignature(body, `t=${Math.floor(Date.now() / 1000)}`, secret), /malformed/);
  });

  it('refuses a stale signature (over 300 seconds) even when it matches', () => {
    const t = Math.floor(Date.now() / 1000) - 301;
    const header = Stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp: t });
    refused(() => verifyStripeSignature(body, header, secret), /too old/);
    verifyStripeSignature(body, Stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp: t + 2 }), secret);
  });

  it('accepts any of several v1 signatures (a secret being rolled)', () => {
    const t = Math.floor(Date.now() / 1000);
    const good = hmacHex(secret, `${t}.${payload}`);
    verifyStripeSignature(body, `t=${t},v1=${'0'.repeat(64)},v1=${good}`, secret);
  });

  it('checks Razorpay signatures over the raw bytes', () => {
    const sig = hmacHex('rzp_secret', body);
    verifyRazorpaySignature(body, sig, 'rzp_secret');
    verifyRazorpaySignature(body, sig.toUpperCase(), 'rzp_secret');
    refused(() => verifyRazorpaySignature(Buffer.from(`${payload} `), sig, 'rzp_secret'), /does not match/);
    refused(() => verifyRazorpaySignature(body, undefined, 'rzp_secret'), /missing/);
    refused(() => verifyRazorpaySignature(body, 'nothex', 'rzp_secret'), /malformed/);
  });

  it('compares in constant time, strings of any length', () => {
    assert.equal(safeEqual('abc', 'abc'), true);
    assert.equal(safeEqual('abc', 'abd'), false);
    assert.equal(safeEqual('abc', 'abcd'), false);
  });
});
