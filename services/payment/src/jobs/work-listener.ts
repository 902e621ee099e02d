import type { Subscription } from '@mercato/chassis';
import type { PaymentDeps } from '../deps.js';
import { WORK_CHANNEL } from '../payments/request-payment.js';
import { chargePayments } from '../payments/settle-payment.js';
import { startRefund } from '../refunds/execute-refund.js';


/** One announced piece of work: `payment:<id>[,<id>…][:<traceparent>]` or `refund:<id>` on the channel. */
interface Work {
  kind: 'payment' | 'refund';
  id: string;
  traceparent: string | undefined;
}

/** Payments taken from the queue at once, and batches in flight. */
const WORK_BATCH = 200;
const MAX_BATCHES = 2;

/**
 * Runs the provider calls announced by committed transactions (PaymentRequested,
 * RefundRequested). PostgreSQL delivers a NOTIFY only when its transaction commits, so the
 * work never starts before the payment row is visible, and never for a rolled-back one. Every
 * process listens; the claim (`created` → `processing`) lets exactly one of them call the
 * provider. Anything missed (a lost connection, a crash) is left for the reconciler. The
 * listening is the chassis's (`Db.listen`: one connection for every channel, reopened when lost).
 */
export class WorkListener {
  private readonly deps: PaymentDeps;
  private subscription: Subscription | undefined;
  private closed = false;
  private retry: NodeJS.Timeout | undefined;
  private readonly inFlight = new Set<Promise<unknown>>();
  /** Announced work not started yet, in the order announced. */
  private readonly queue: Work[] = [];
  private running = 0;
  private scheduled = false;

  constructor(deps: PaymentDeps) {
    this.deps = deps;
  }

  async start(): Promise<void> {
    if (this.closed) return;
    try {
      const subscription = await this.deps.db.listen(WORK_CHANNEL, (payload) => {
        if (payload) this.dispatch(payload);
      });
      if (this.closed) await subscription.close();
      else this.subscription = subscription;
    } catch (err) {
      this.deps.logger.warn({ err }, 'the work listener cannot listen; retrying');
      this.retry = setTimeout(() => void this.start(), 1000);
    }
  }

  /**
   * Queues the work. New payments announced together (one inbox batch, one notification for up
   * to 200 of them) are charged together: one claim, the provider calls side by side, one
   * transaction for the outcomes.
   */
  private dispatch(payload: string): void {
    const [kind, ids, traceparent] = payload.split(':') as [string, string | undefined, string | undefined];
    if (!ids || (kind !== 'payment' && kind !== 'refund')) return;
    for (const id of ids.split(',')) if (id) this.queue.push({ kind, id, traceparent });
    if (!this.scheduled) {
      this.scheduled = true;
      // Let the notifications of one commit arrive before taking a batch.
      setImmediate(() => {
        this.scheduled = false;
        this.pump();
      });
    }
  }

  private pump(): void {
    while (!this.closed && this.running < MAX_BATCHES && this.queue.length > 0) {
      const batch = this.queue.splice(0, WORK_BATCH);
      const payments: string[] = [];
      const refunds: string[] = [];
      const traces = new Map<string, string>();
      for (const { kind, id, traceparent } of batch) {
        if (kind === 'payment') {
          payments.push(id);
          if (traceparent) traces.set(id, traceparent);
        } else refunds.push(id);
      }
      this.running++;
      const tracked = Promise.all([
        payments.length > 0 ? chargePayments(this.deps, payments, traces) : undefined,
        ...refunds.map((id) => startRefund(this.deps, id)),
      ])
        .catch((err: unknown) => this.deps.logger.error({ err, payments: payments.length, refunds: refunds.length }, 'payment work failed; the reconciler will take it up'))
        .finally(() => {
          this.running--;
          this.inFlight.delete(tracked);
          this.pump();
        });
      this.inFlight.add(tracked);
    }
  }

  /** Stops listening and waits for the calls under way. */
  async close(): Promise<void> {
    this.closed = true;
    // Queued work not started is left to the reconciler (its lease runs out).
    this.queue.length = 0;
    clearTimeout(this.retry);
    await this.subscription?.close();
    this.subscription = undefined;
    await Promise.all([...this.inFlight]);
  }
}
