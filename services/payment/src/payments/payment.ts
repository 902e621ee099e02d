import type { ProviderName } from '../providers/provider.js';
import type { PaymentState } from './payment-states.js';

export interface Payment {
  id: string;
  orderId: string;
  userId: string | null;
  email: string;
  provider: ProviderName;
  paymentMethod: string;
  amount: number;
  currency: string;
  state: PaymentState;
  providerRef: string | null;
  chargeRef: string | null;
  cardBrand: string | null;
  cardLast4: string | null;
  nextActionUrl: string | null;
  failureCode: string | null;
  failureMessage: string | null;
  capturedAmount: number;
  refundedAmount: number;
  attempts: number;
  createdAt: Date;
  updatedAt: Date;
}

/** Fields an outcome may set beside the state. */
export interface PaymentChanges {
  state: PaymentState;
  providerRef?: string | null;
  chargeRef?: string | null;
  cardBrand?: string | null;
  cardLast4?: string | null;
  nextActionUrl?: string | null;
  failureCode?: string | null;
  failureMessage?: string | null;
  capturedAmount?: number;
  refundedAmount?: number;
  /** Seconds from now before the reconciler may look at the payment again. */
  leaseSeconds?: number;
}
