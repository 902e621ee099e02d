import type { CardSummary } from './provider.js';

export type SandboxBehaviour = 'succeed' | 'decline' | 'authenticate' | 'timeout';

export interface SandboxMethod {
  behaviour: SandboxBehaviour;
  card: CardSummary;
  /** The decline code, for methods that decline. */
  code?: string;
  message?: string;
}

/**
 * Stripe's test payment-method ids, which the sandbox honours, plus `pm_card_timeout`: its
 * charge succeeds but the answer never arrives, as when a provider call times out.
 */
export const SANDBOX_METHODS: Readonly<Record<string, SandboxMethod>> = Object.freeze({
  pm_card_visa: { behaviour: 'succeed', card: { brand: 'visa', last4: '4242' } },
  pm_card_visa_debit: { behaviour: 'succeed', card: { brand: 'visa', last4: '5556' } },
  pm_card_mastercard: { behaviour: 'succeed', card: { brand: 'mastercard', last4: '4444' } },
  pm_card_amex: { behaviour: 'succeed', card: { brand: 'amex', last4: '8431' } },
  pm_card_chargeDeclined: { behaviour: 'decline', card: { brand: 'visa', last4: '0002' }, code: 'card_declined', message: 'Your card was declined.' },
  pm_card_chargeDeclinedInsufficientFunds: {
    behaviour: 'decline',
    card: { brand: 'visa', last4: '9995' },
    code: 'insufficient_funds',
    message: 'Your card has insufficient funds.',
  },
  pm_card_authenticationRequired: { behaviour: 'authenticate', card: { brand: 'visa', last4: '3184' } },
  pm_card_timeout: { behaviour: 'timeout', card: { brand: 'visa', last4: '4242' } },
});

export function sandboxMethod(id: string): SandboxMethod | undefined {
  return Object.hasOwn(SANDBOX_METHODS, id) ? SANDBOX_METHODS[id] : undefined;
}

/** What the sandbox does with a charge by this method: the status it records for it. */
export function sandboxStatus(id: string): 'succeeded' | 'failed' | 'requires_action' {
  const method = sandboxMethod(id);
  if (!method || method.behaviour === 'decline') return 'failed';
  return method.behaviour === 'authenticate' ? 'requires_action' : 'succeeded';
}
