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
  /** Calls of this tick not written yet, by the connection or transaction that writes them. */
  private readonly pending = new Map<Queryable, { charge: Omit<SandboxCharge, 'refundedAmount'>; resolve: (byKey: Map<string, SandboxCharge>) => void; reject: (err: unknown) => void }[]>();

  constructor(opts: SandboxOptions) {
    this.opts = opts;
  }

  async charge(req: ChargeRequest): Promise<ChargeResult> {
    return this.chargeOn(this.opts.db, req);
  }

  /**
   * Whether a charge by this method can be made in the payment's own transaction: its answer
   * comes at once (not `pm_card_timeout`, whose answer is lost after a delay).
   */
  answersAtOnce(paymentMethod: string): boolean {
    return sandboxMethod(paymentMethod)?.behaviour !== 'timeout';
  }

  /**
   * A charge written in the caller's transaction (the sandbox's books are in this service's
   * database): it is made if and only if that transaction commits — with the payment's
   * outcome and its event. A failure rejects (the caller's transaction is lost anyway); only
   * methods that answer at once.
   */
  async chargeInTransaction(tx: Queryable, req: ChargeRequest): Promise<ChargeResult> {
    if (!this.answersAtOnce(req.paymentMethod)) throw new Error(`sandbox: ${req.paymentMethod} does not answer at once`);
    const byKey = await this.enqueue(tx, this.newCharge(req));
    const charge = byKey.get(req.idempotencyKey);
    if (!charge) throw new Error('sandbox: the charge was not recorded');
    return this.toResult(charge);
  }

  private newCharge(req: ChargeRequest): Omit<SandboxCharge, 'refundedAmount'> {
    const status = sandboxStatus(req.paymentMethod);
    return {
      id: newId('sbx'),
      idempotencyKey: req.idempotencyKey,
      paymentId: req.paymentId,
      paymentMethod: req.paymentMethod,
      amount: req.amount.amount,
      currency: req.amount.currency,
      status,
      actionToken: status === 'requires_action' ? randomBytes(32).toString('base64url') : null,
    };
  }

  private async chargeOn(q: Queryable, req: ChargeRequest): Promise<ChargeResult> {
    const method = sandboxMethod(req.paymentMethod);
    const charge = await this.record(q, this.newCharge(req));
    if (method?.behaviour === 'timeout' && charge.status === 'succeeded') {
      // The charge is made; its answer is lost on the way back.
      await new Promise((r) => setTimeout(r, this.opts.delayMs));
      throw new AmbiguousProviderError('sandbox: the charge timed out');
    }
    return this.toResult(charge);
  }

  /** Charges made in the same tick are written together (one statement), as a provider would batch its books. */
  private async record(q: Queryable, c: Omit<SandboxCharge, 'refundedAmount'>): Promise<SandboxCharge> {
    let byKey: Map<string, SandboxCharge>;
    try {
      byKey = await this.enqueue(q, c);
    } catch (err) {
      throw new AmbiguousProviderError('sandbox: its books are unavailable', { cause: err });
    }
    const found = byKey.get(c.idempotencyKey);
    if (!found) throw new AmbiguousProviderError('sandbox: the charge was not recorded');
    return found;
  }

  /** Queues a charge to be written on `q` with the others of this tick; resolves with the statement's answer. */
  private enqueue(q: Queryable, c: Omit<SandboxCharge, 'refundedAmount'>): Promise<Map<string, SandboxCharge>> {
    return new Promise((resolve, reject) => {
      let batch = this.pending.get(q);
      if (batch) {
        batch.push({ charge: c, resolve, reject });
        return;
      }
      batch = [{ charge: c, resolve, reject }];
      this.pending.set(q, batch);
      setImmediate(() => {
        this.pending.delete(q);
        sandboxStore.charge(q, batch.map((b) => b.charge)).then(
          (byKey) => {
            for (const b of batch) b.resolve(byKey);
          },
          (err: unknown) => {
            for (const b of batch) b.reject(err);
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
