import { randomBytes } from 'node:crypto';
import type { Db, Queryable } from '@mercato/chassis';
import { newId } from '@mercato/contracts';
import { safeEqual } from '../webhooks/signatures.js';
import { AmbiguousProviderError, type ChargeRequest, type ChargeResult, type LookupResult, type PaymentProvider, type RefundRequest, type RefundResult } from './provider.js';
import { sandboxMethod, sandboxStatus } from './sandbox-methods.js';
import { sandboxStore, type SandboxCharge } from './sandbox.store.js';

export interface SandboxOptions {
  db: Db;
  /** The public base URL (through the gateway) the customer-step link is built on. */
  publicUrl: string;
  /** How long a `pm_card_timeout` charge takes before its answer is lost. */
  delayMs: number;
}

/** The customer-step page of a sandbox payment, reached through the gateway. */
export const sandboxActionPath = (paymentId: string) => `/api/v1/payments/sandbox/authenticate/${paymentId}`;

/**
 * The built-in provider: it keeps its own books in this service's database (so a lost answer
 * can be looked up, as with a real provider) and takes Stripe's test payment-method ids.
 */
export class SandboxProvider implements PaymentProvider {
  readonly name = 'sandbox' as const;
  /** No rate limit: the charges of one tick are written together, one statement for any number. */
  readonly concurrency = Number.POSITIVE_INFINITY;
  private readonly opts: SandboxOptions;
  private pending: { charge: Omit<SandboxCharge, 'refundedAmount'>; resolve: (c: SandboxCharge) => void; reject: (err: unknown) => void }[] = [];

  constructor(opts: SandboxOptions) {
    this.opts = opts;
  }

  async charge(req: ChargeRequest): Promise<ChargeResult> {
    const method = sandboxMethod(req.paymentMethod);
    const status = sandboxStatus(req.paymentMethod);
    const charge = await this.record({
      id: newId('sbx'),
      idempotencyKey: req.idempotencyKey,
      paymentId: req.paymentId,
      paymentMethod: req.paymentMethod,
      amount: req.amount.amount,
      currency: req.amount.currency,
      status,
      actionToken: status === 'requires_action' ? randomBytes(32).toString('base64url') : null,
    });
    if (method?.behaviour === 'timeout' && charge.status === 'succeeded') {
      // The charge is made; its answer is lost on the way back.
      await new Promise((r) => setTimeout(r, this.opts.delayMs));
      throw new AmbiguousProviderError('sandbox: the charge timed out');
    }
    return this.toResult(charge);
  }

  /** Charges made in the same tick are written together (one statement), as a provider would batch its books. */
  private record(c: Omit<SandboxCharge, 'refundedAmount'>): Promise<SandboxCharge> {
    return new Promise((resolve, reject) => {
      this.pending.push({ charge: c, resolve, reject });
      if (this.pending.length > 1) return;
      setImmediate(() => {
        const batch = this.pending.splice(0);
        sandboxStore.charge(this.opts.db, batch.map((b) => b.charge)).then(
          (byKey) => {
            for (const b of batch) {
              const found = byKey.get(b.charge.idempotencyKey);
              if (found) b.resolve(found);
              else b.reject(new AmbiguousProviderError('sandbox: the charge was not recorded'));
            }
          },
          (err: unknown) => {
            for (const b of batch) b.reject(new AmbiguousProviderError('sandbox: its books are unavailable', { cause: err }));
          },
        );
      });
    });
  }

  async retrieve(req: ChargeRequest): Promise<LookupResult> {
    const charge = await sandboxStore.byKey(this.opts.db, req.idempotencyKey);
    return charge ? this.toResult(charge) : { status: 'not_found' };
  }

  async refund(req: RefundRequest): Promise<RefundResult> {
    const charge = await sandboxStore.byKey(this.opts.db, req.orderId);
    if (!charge || charge.status !== 'succeeded') return { status: 'failed', code: 'charge_not_found', message: 'sandbox: no succeeded charge for this order' };
    const r = await this.opts.db.tx((tx) => sandboxStore.refund(tx, charge.id, req.idempotencyKey, newId('sbr'), req.amount.amount));
    if (r === 'too_large') return { status: 'failed', code: 'amount_too_large', message: 'sandbox: the refund exceeds what is left of the charge' };
    return { status: 'succeeded', refundRef: r.id };
  }

  /** The customer's step, checked against the payment's unguessable token (constant time). */
  async actionCharge(paymentId: string, token: string): Promise<SandboxCharge | undefined> {
    const charge = await sandboxStore.byPayment(this.opts.db, paymentId);
    if (!charge || charge.status !== 'requires_action' || !charge.actionToken || !safeEqual(charge.actionToken, token)) return undefined;
    return charge;
  }

  /** Settles the customer's step in the caller's transaction (with the payment's own change). */
  async settleAction(tx: Queryable, charge: SandboxCharge, outcome: 'succeeded' | 'failed'): Promise<ChargeResult | undefined> {
    const settled = await sandboxStore.settleAction(tx, charge.id, outcome);
    return settled && this.toResult(settled);
  }

  private toResult(c: SandboxCharge): ChargeResult {
    const method = sandboxMethod(c.paymentMethod);
    const refs = { providerRef: c.id, chargeRef: c.id };
    switch (c.status) {
      case 'succeeded':
        return { status: 'succeeded', ...refs, card: method?.card ?? { brand: null, last4: null } };
      case 'requires_action':
        return { status: 'requires_action', ...refs, nextActionUrl: `${this.opts.publicUrl}${sandboxActionPath(c.paymentId)}?token=${c.actionToken ?? ''}` };
      case 'failed':
        return method
          ? { status: 'failed', ...refs, code: method.code ?? 'authentication_failed', message: method.message ?? 'The customer did not complete the payment step.' }
          : { status: 'failed', ...refs, code: 'payment_method_unknown', message: 'The sandbox does not know this payment method' };
    }
  }
}
