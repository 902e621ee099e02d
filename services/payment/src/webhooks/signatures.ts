import { createHmac, timingSafeEqual } from 'node:crypto';
import { InvalidWebhookSignature } from '../providers/provider.js';

/** Constant-time equality of two strings (false, without a timing hint, when the lengths differ). */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  if (x.length !== y.length) return false;
  return timingSafeEqual(x, y);
}

export const hmacHex = (secret: string, payload: Buffer | string): string => createHmac('sha256', secret).update(payload).digest('hex');

export const STRIPE_TOLERANCE_SECONDS = 300;

/**
 * Stripe-Signature: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "${t}.${rawBody}">[,v1=…]`.
 * Any v1 may match (Stripe sends several while a secret is rolled); `t` must be within the
 * tolerance, so a captured request cannot be replayed later.
 */
export function verifyStripeSignature(rawBody: Buffer, header: string | undefined, secret: string, nowSeconds = Math.floor(Date.now() / 1000), toleranceSeconds = STRIPE_TOLERANCE_SECONDS): void {
  if (!header) throw new InvalidWebhookSignature('The Stripe-Signature header is missing');
  let timestamp: number | undefined;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const i = part.indexOf('=');
    if (i < 0) continue;
    const key = part.slice(0, i).trim();
    const value = part.slice(i + 1).trim();
    if (key === 't' && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    else if (key === 'v1' && /^[0-9a-f]{64}$/i.test(value)) signatures.push(value.toLowerCase());
  }
  if (timestamp === undefined || signatures.length === 0) throw new InvalidWebhookSignature('The Stripe-Signature header is malformed');
  const expected = hmacHex(secret, Buffer.concat([Buffer.from(`${timestamp}.`, 'utf8'), rawBody]));
  // Compare every candidate, so the time taken does not tell which one matched.
  let ok = false;
  for (const s of signatures) ok = safeEqual(s, expected) || ok;
  if (!ok) throw new InvalidWebhookSignature('The Stripe signature does not match the body');
  if (Math.abs(nowSeconds - timestamp) > toleranceSeconds) throw new InvalidWebhookSignature('The Stripe signature is too old');
}

/** X-Razorpay-Signature: hex HMAC-SHA256 of the raw body with the webhook secret. */
export function verifyRazorpaySignature(rawBody: Buffer, header: string | undefined, secret: string): void {
  if (!header) throw new InvalidWebhookSignature('The X-Razorpay-Signature header is missing');
  if (!/^[0-9a-f]{64}$/i.test(header.trim())) throw new InvalidWebhookSignature('The X-Razorpay-Signature header is malformed');
  if (!safeEqual(header.trim().toLowerCase(), hmacHex(secret, rawBody))) throw new InvalidWebhookSignature('The Razorpay signature does not match the body');
}

export const headerValue = (h: string | string[] | undefined): string | undefined => (Array.isArray(h) ? h[0] : h);
