import { ConfigError, loadConfig } from '@mercato/chassis';
import { Type } from '@sinclair/typebox';

const int = (description: string, min: number, max: number, dflt: number) =>
  Type.Integer({ minimum: min, maximum: max, default: dflt, description: `${description}: an integer from ${min} to ${max}` });
const url = (description: string, dflt?: string) =>
  Type.String({ pattern: '^https?://[^\\s]+$', maxLength: 2048, ...(dflt === undefined ? {} : { default: dflt }), description: `${description}, an http(s) URL` });
const secret = (description: string) => Type.Optional(Type.String({ minLength: 1, maxLength: 512, description }));

/** The payment service's own variables (the chassis reads the common ones). */
export const paymentConfigSchema = Type.Object(
  {
    PAYMENT_PUBLIC_URL: url('the public base URL customers reach the platform at (the gateway); links to customer steps are built on it', 'http://127.0.0.1:8080'),
    PAYMENT_SANDBOX: Type.Optional(
      Type.Union([Type.Literal('true'), Type.Literal('false'), Type.Literal('force')], {
        description:
          'the built-in sandbox provider, which confirms orders without taking money: true, false, or force (true alongside a live Stripe or Razorpay key); unset: on only in the embedded demo',
      }),
    ),
    PAYMENT_SANDBOX_DELAY_MS: int('how long a pm_card_timeout charge waits before its answer is lost, in milliseconds', 0, 60_000, 100),
    PAYMENT_RECONCILE_INTERVAL_MS: int('how often the reconciler looks for payments and refunds whose outcome is unknown, in milliseconds', 50, 3_600_000, 5_000),
    PAYMENT_RECONCILE_BATCH: int('payments the reconciler leases per run', 1, 1000, 50),
    PAYMENT_CHARGE_LEASE_SECONDS: int('how long a provider call may take before the reconciler treats it as lost, in seconds', 1, 3600, 60),
    PAYMENT_UNKNOWN_RETRY_SECONDS: int('the first wait before an unknown outcome is asked of the provider again (doubling per attempt), in seconds', 0, 600, 5),
    PAYMENT_WORK_CONCURRENCY: int('provider calls this process makes at once for new payments and refunds', 1, 256, 8),
    PAYMENT_CREATED_GRACE_SECONDS: int('how long a recorded payment waits for its in-process charge before the reconciler takes it, in seconds', 0, 3600, 10),
    STRIPE_API_BASE: url("Stripe's API base URL", 'https://api.stripe.com'),
    STRIPE_SECRET_KEY: secret('the Stripe secret key (sk_…); Stripe is offered only when set'),
    STRIPE_PUBLISHABLE_KEY: Type.Optional(
      Type.String({ pattern: '^pk_(test|live)_[A-Za-z0-9]+$', maxLength: 512, description: 'the Stripe publishable key (pk_…) the storefront collects cards with; shown by GET /payments/providers' }),
    ),
    STRIPE_WEBHOOK_SECRET: secret('the Stripe webhook signing secret (whsec_…)'),
    STRIPE_TIMEOUT_MS: int('the timeout of a Stripe API call, in milliseconds', 100, 120_000, 20_000),
    STRIPE_RETURN_URL: Type.Optional(url('where Stripe sends the customer back after a redirect step (default: PAYMENT_PUBLIC_URL)')),
    STRIPE_ACTION_URL: Type.Optional(
      url('the storefront page that completes a use_stripe_sdk step with Stripe.js (default: PAYMENT_PUBLIC_URL/checkout/authenticate)'),
    ),
    RAZORPAY_API_BASE: url("Razorpay's API base URL", 'https://api.razorpay.com'),
    RAZORPAY_KEY_ID: secret('the Razorpay key id (rzp_…); Razorpay is offered only when it and RAZORPAY_KEY_SECRET are set'),
    RAZORPAY_KEY_SECRET: secret('the Razorpay key secret'),
    RAZORPAY_WEBHOOK_SECRET: secret('the Razorpay webhook secret'),
    RAZORPAY_TIMEOUT_MS: int('the timeout of a Razorpay API call, in milliseconds', 100, 120_000, 20_000),
  },
  { additionalProperties: true },
);

export interface StripeConfig {
  apiBase: string;
  secretKey: string;
  publishableKey: string | null;
  webhookSecret: string | null;
  timeoutMs: number;
  returnUrl: string;
  actionUrl: string;
}

export interface RazorpayConfig {
  apiBase: string;
  keyId: string;
  keySecret: string;
  webhookSecret: string | null;
  timeoutMs: number;
}

export interface PaymentConfig {
  publicUrl: string;
  sandbox: { enabled: boolean; delayMs: number; forcedWithLiveKey: boolean };
  stripe: StripeConfig | null;
  razorpay: RazorpayConfig | null;
  reconcileIntervalMs: number;
  reconcileBatch: number;
  chargeLeaseSeconds: number;
  createdGraceSeconds: number;
  unknownRetrySeconds: number;
  workConcurrency: number;
}

const trimSlash = (s: string) => s.replace(/\/+$/, '');

/** Keys that move real money (test-mode keys, `sk_test_…`, `rzp_test_…`, do not). */
export const isLiveStripeKey = (key: string | undefined): boolean => !!key && /^(sk|rk)_live_/.test(key);
export const isLiveRazorpayKey = (keyId: string | undefined): boolean => !!keyId && keyId.startsWith('rzp_live_');

/**
 * Whether the sandbox is offered. It confirms orders without taking any money, so: on in the
 * embedded demo (`npm start` with its demo shop, the in-process bus) unless a live key is set;
 * elsewhere only with `PAYMENT_SANDBOX=true`; never beside a live Stripe or Razorpay key unless
 * `PAYMENT_SANDBOX=force` (then a warning at every start). `true` with a live key stops the start.
 */
export function sandboxEnabled(
  setting: 'true' | 'false' | 'force' | undefined,
  ctx: { embedded: boolean; demo: boolean; liveKey: string | undefined },
): { enabled: boolean; forcedWithLiveKey: boolean } {
  if (setting === 'force') return { enabled: true, forcedWithLiveKey: ctx.liveKey !== undefined };
  if (setting === 'true' && ctx.liveKey) {
    throw new ConfigError(
      `Configuration error: PAYMENT_SANDBOX is true beside a live ${ctx.liveKey} key; the sandbox would confirm orders without taking money. Set PAYMENT_SANDBOX=false, or force to run both`,
    );
  }
  if (setting !== undefined) return { enabled: setting === 'true', forcedWithLiveKey: false };
  return { enabled: ctx.embedded && ctx.demo && !ctx.liveKey, forcedWithLiveKey: false };
}

export function loadPaymentConfig(env: NodeJS.ProcessEnv, mode: { embedded: boolean } = { embedded: false }): PaymentConfig {
  const c = loadConfig(paymentConfigSchema, env);
  const publicUrl = trimSlash(c.PAYMENT_PUBLIC_URL);
  if (!!c.RAZORPAY_KEY_ID !== !!c.RAZORPAY_KEY_SECRET) throw new Error('RAZORPAY_KEY_ID and RAZORPAY_KEY_SECRET are set together or not at all');
  const liveKey = isLiveStripeKey(c.STRIPE_SECRET_KEY) ? 'Stripe' : isLiveRazorpayKey(c.RAZORPAY_KEY_ID) ? 'Razorpay' : undefined;
  const demo = !/^(false|0|off|no)$/i.test(env.MERCATO_DEMO_DATA ?? '');
  return {
    publicUrl,
    sandbox: { ...sandboxEnabled(c.PAYMENT_SANDBOX, { embedded: mode.embedded, demo, liveKey }), delayMs: c.PAYMENT_SANDBOX_DELAY_MS },
    stripe: c.STRIPE_SECRET_KEY
      ? {
          apiBase: trimSlash(c.STRIPE_API_BASE),
          secretKey: c.STRIPE_SECRET_KEY,
          publishableKey: c.STRIPE_PUBLISHABLE_KEY ?? null,
          webhookSecret: c.STRIPE_WEBHOOK_SECRET ?? null,
          timeoutMs: c.STRIPE_TIMEOUT_MS,
          returnUrl: c.STRIPE_RETURN_URL ?? `${publicUrl}/`,
          actionUrl: c.STRIPE_ACTION_URL ?? `${publicUrl}/checkout/authenticate`,
        }
      : null,
    razorpay:
      c.RAZORPAY_KEY_ID && c.RAZORPAY_KEY_SECRET
        ? {
            apiBase: trimSlash(c.RAZORPAY_API_BASE),
            keyId: c.RAZORPAY_KEY_ID,
            keySecret: c.RAZORPAY_KEY_SECRET,
            webhookSecret: c.RAZORPAY_WEBHOOK_SECRET ?? null,
            timeoutMs: c.RAZORPAY_TIMEOUT_MS,
          }
        : null,
    reconcileIntervalMs: c.PAYMENT_RECONCILE_INTERVAL_MS,
    reconcileBatch: c.PAYMENT_RECONCILE_BATCH,
    chargeLeaseSeconds: c.PAYMENT_CHARGE_LEASE_SECONDS,
    createdGraceSeconds: c.PAYMENT_CREATED_GRACE_SECONDS,
    unknownRetrySeconds: c.PAYMENT_UNKNOWN_RETRY_SECONDS,
    workConcurrency: c.PAYMENT_WORK_CONCURRENCY,
  };
}
