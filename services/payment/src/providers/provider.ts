import type { Money } from '@mercato/contracts';

export type ProviderName = 'sandbox' | 'stripe' | 'razorpay';
export const PROVIDER_NAMES: readonly ProviderName[] = ['sandbox', 'stripe', 'razorpay'];

/** What may be kept of a card: never its number, only the brand and last four digits. */
export interface CardSummary {
  brand: string | null;
  last4: string | null;
}

export interface ChargeRequest {
  paymentId: string;
  orderId: string;
  amount: Money;
  paymentMethod: string;
  email: string;
  /** Sent to the provider with every attempt: the order id, so one order is charged once. */
  idempotencyKey: string;
  /** The provider's own id for the charge, once known (Razorpay order, Stripe PaymentIntent). */
  providerRef: string | null;
  chargeRef: string | null;
}

/** The provider's truth about a charge. */
export type ChargeResult =
  | { status: 'succeeded'; providerRef: string | null; chargeRef: string | null; card?: CardSummary }
  | { status: 'requires_action'; providerRef: string | null; chargeRef: string | null; nextActionUrl: string }
  /** The provider is still working on it (or waits for a capture): a webhook or the reconciler settles it. */
  | { status: 'processing'; providerRef: string | null; chargeRef: string | null }
  | { status: 'failed'; providerRef: string | null; chargeRef: string | null; code: string; message: string };

export type LookupResult = ChargeResult | { status: 'not_found' };

export interface RefundRequest {
  refundId: string;
  paymentId: string;
  orderId: string;
  providerRef: string | null;
  chargeRef: string | null;
  amount: Money;
  reason: string;
  /** The refund id: a repeated call refunds once. */
  idempotencyKey: string;
}

export type RefundResult =
  | { status: 'succeeded'; refundRef: string }
  | { status: 'failed'; code: string; message: string };

/** What a verified webhook says about a charge. */
export interface WebhookUpdate {
  eventId: string;
  type: string;
  /** Our order id when the provider echoes it back (metadata / notes), else null. */
  orderId: string | null;
  /** The provider ids the payment may be found by. */
  providerRef: string | null;
  chargeRef: string | null;
  /**
   * The charge's new state; `authorized` asks for a capture (Razorpay), which happens after
   * the webhook is recorded, through the reconciler's lookup. null: an event without effect.
   */
  outcome: ChargeResult | { status: 'authorized'; providerRef: string | null; chargeRef: string } | null;
}

/**
 * The outcome of a call is not known: a timeout, a dropped connection, a 5xx. The charge may
 * or may not have happened; the payment becomes `unknown` and the reconciler asks the provider.
 */
export class AmbiguousProviderError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AmbiguousProviderError';
  }
}

/** A webhook whose signature is missing, wrong or stale. */
export class InvalidWebhookSignature extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidWebhookSignature';
  }
}

/**
 * One payment provider (a strategy). Every call carries an idempotency key, and a call whose
 * answer is lost throws AmbiguousProviderError rather than guessing.
 */
export interface PaymentProvider {
  readonly name: ProviderName;
  /**
   * How many calls this process makes to the provider at once; unset: PAYMENT_WORK_CONCURRENCY
   * (a remote API's rate limits). A provider that takes any number of calls together sets its own.
   */
  readonly concurrency?: number;
  /** Creates and confirms a charge; the same idempotency key never charges twice. */
  charge(req: ChargeRequest): Promise<ChargeResult>;
  /** The provider's truth for an order (by our idempotency key / order id); `not_found` when it never saw it. */
  retrieve(req: ChargeRequest): Promise<LookupResult>;
  refund(req: RefundRequest): Promise<RefundResult>;
  /** Verifies the signature over the raw body, then reads the event. Throws InvalidWebhookSignature. */
  parseWebhook?(rawBody: Buffer, headers: Record<string, string | string[] | undefined>): WebhookUpdate;
}

/** Money in a provider's lower-case currency code. */
export const lowerCurrency = (m: Money): string => m.currency.toLowerCase();
