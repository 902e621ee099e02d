/**
 * The payment state machine: every state and the moves allowed out of it. Everything that
 * changes a payment's state (the charge, the reconciler, webhooks, the sandbox's customer step,
 * refunds) asks this table first, so a late or repeated provider message can never move a
 * payment backwards (a `processing` webhook after `succeeded` changes nothing).
 */
export const PAYMENT_STATES = ['created', 'requires_action', 'processing', 'succeeded', 'failed', 'refunded', 'partially_refunded', 'unknown'] as const;
export type PaymentState = (typeof PAYMENT_STATES)[number];

export const TRANSITIONS: Readonly<Record<PaymentState, readonly PaymentState[]>> = Object.freeze({
  // Recorded from PaymentRequested; fails at once when the provider is not configured.
  created: ['processing', 'failed'],
  // The provider call is under way (committed before the call is made).
  processing: ['succeeded', 'failed', 'requires_action', 'unknown'],
  // The call timed out or failed ambiguously: only the provider's answer moves it on.
  unknown: ['processing', 'succeeded', 'failed', 'requires_action'],
  // Waiting for the customer (3-D Secure, a hosted checkout).
  requires_action: ['processing', 'succeeded', 'failed'],
  succeeded: ['partially_refunded', 'refunded'],
  partially_refunded: ['partially_refunded', 'refunded'],
  failed: [],
  refunded: [],
});

export const FINAL_STATES: readonly PaymentState[] = ['failed', 'refunded'];
export const REFUNDABLE_STATES: readonly PaymentState[] = ['succeeded', 'partially_refunded'];
/** States in which the outcome of the charge is not settled yet. */
export const UNSETTLED_STATES: readonly PaymentState[] = ['created', 'processing', 'unknown', 'requires_action'];

export function isPaymentState(s: string): s is PaymentState {
  return (PAYMENT_STATES as readonly string[]).includes(s);
}

export function canTransition(from: PaymentState, to: PaymentState): boolean {
  return TRANSITIONS[from].includes(to);
}

export class IllegalTransition extends Error {
  readonly from: PaymentState;
  readonly to: PaymentState;
  constructor(from: PaymentState, to: PaymentState) {
    super(`a payment cannot move from ${from} to ${to}`);
    this.name = 'IllegalTransition';
    this.from = from;
    this.to = to;
  }
}

/** The state after `to`, or a thrown IllegalTransition. */
export function transition(from: PaymentState, to: PaymentState): PaymentState {
  if (!canTransition(from, to)) throw new IllegalTransition(from, to);
  return to;
}
