import type { PaymentConfig } from '../config.js';
import { isLiveRazorpayKey, isLiveStripeKey } from '../config.js';
import type { ProviderName } from './provider.js';
import { SANDBOX_METHODS, type SandboxMethod } from './sandbox-methods.js';

export interface SandboxCard {
  id: string;
  brand: string | null;
  last4: string | null;
  outcome: 'succeeds' | 'declines' | 'needs_action' | 'answer_lost';
  description: string;
}

export interface OfferedProvider {
  name: ProviderName;
  /** False for the sandbox and for test-mode keys: no money moves. */
  live: boolean;
  /** What the storefront needs to collect a payment method with this provider, when public. */
  publishableKey: string | null;
  /** The sandbox's test payment methods and what each does (empty for the others). */
  paymentMethods: SandboxCard[];
}

function card(id: string, m: SandboxMethod): SandboxCard {
  const base = { id, brand: m.card.brand, last4: m.card.last4 };
  switch (m.behaviour) {
    case 'succeed':
      return { ...base, outcome: 'succeeds', description: 'The charge succeeds and the order is confirmed.' };
    case 'decline':
      return { ...base, outcome: 'declines', description: `The charge is declined (${m.code}) and the order cancelled, its stock released.` };
    case 'authenticate':
      return { ...base, outcome: 'needs_action', description: 'The customer must complete a 3-D Secure step on a sandbox page, then the charge succeeds or fails as they choose.' };
    case 'timeout':
      return { ...base, outcome: 'answer_lost', description: 'The charge is made but its answer is lost; the payment settles a few seconds later, by reconciliation.' };
  }
}

/** The providers this shop takes payments with, as shown to storefronts and checked by the order service. */
export function offeredProviders(config: PaymentConfig, enabled: readonly ProviderName[]): OfferedProvider[] {
  return enabled.map((name) => {
    switch (name) {
      case 'sandbox':
        return { name, live: false, publishableKey: null, paymentMethods: Object.entries(SANDBOX_METHODS).map(([id, m]) => card(id, m)) };
      case 'stripe':
        return { name, live: isLiveStripeKey(config.stripe?.secretKey), publishableKey: config.stripe?.publishableKey ?? null, paymentMethods: [] };
      case 'razorpay':
        return { name, live: isLiveRazorpayKey(config.razorpay?.keyId), publishableKey: config.razorpay?.keyId ?? null, paymentMethods: [] };
    }
  });
}
