import type { Db, Logger, Subscription } from '@mercato/chassis';
import { isSettled, ORDER_STATUSES, type OrderStatus } from './order-states.js';
import { ordersStore, SETTLED_CHANNEL, type CheckoutState } from './orders.store.js';

// A safety net under the notifications (one missed while a replica reconnected is covered by the
// gap callback): re-read this often anyway.
const RECHECK_MS = 5_000;

const sleep = (ms: number) => new Promise<'recheck'>((resolve) => setTimeout(() => resolve('recheck'), ms).unref());

/**
 * Where a checkout that waits (`Prefer: wait`) stops: the order has settled, or it waits for its
 * customer (a 3-D Secure step: the answer carries the URL; waiting longer would only delay it).
 */
export function isAnswerable(state: CheckoutState): boolean {
  return isSettled(state.status) || (state.status === 'awaiting_payment' && state.nextActionUrl !== null);
}

/** One order being waited for: what the notifications said, and a way to wait for the next one. */
class Watch {
  /** The status a notification brought; undefined until one came (or after a gap: re-read). */
  notified: OrderStatus | undefined;
  /** Something was told since the waiter last looked (so a wake that came early is not lost). */
  private told = false;
  private wake: (() => void) | undefined;

  constructor(
    readonly orderId: string,
    private readonly owner: SettledOrders,
  ) {}

  tell(status: OrderStatus | undefined): void {
    this.notified = status;
    this.told = true;
    this.wake?.();
  }

  /** Resolves on the next news (at once if some came since the last call), or after `ms`. */
  next(ms: number): Promise<'woken' | 'recheck'> {
    if (this.told) {
      this.told = false;
      return Promise.resolve('woken');
    }
    return Promise.race([
      new Promise<'woken'>((resolve) => (this.wake = () => resolve('woken'))),
      sleep(ms),
    ]).finally(() => {
      this.told = false;
      this.wake = undefined;
    });
  }

  close(): void {
    this.owner.forget(this);
  }
}

/**
 * Waits for orders to settle (`Prefer: wait`). Every replica LISTENs; the transaction that
 * settles an order, or gives its customer a step to take, NOTIFYs `<id>:<status>`, delivered at
 * its commit, so a waiter wakes on whichever replica it runs. A settled status ends the wait as
 * it is; anything else (and a timer, and the deadline) reads the order again. The listening
 * connection (the chassis's, shared with every channel of this database) opens on the first wait.
 */
export class SettledOrders {
  private readonly watches = new Map<string, Set<Watch>>();
  private subscription: Promise<Subscription | undefined> | undefined;

  constructor(
    private readonly db: Db,
    private readonly logger: Logger,
  ) {}

  /**
   * Starts watching an order, once listening: a watch opened before the order can settle (e.g.
   * before the transaction that creates it commits) misses nothing.
   */
  async watch(orderId: string): Promise<Watch> {
    await this.listening();
    const w = new Watch(orderId, this);
    let set = this.watches.get(orderId);
    if (!set) this.watches.set(orderId, (set = new Set()));
    set.add(w);
    return w;
  }

  /**
   * Waits up to `seconds` for the order to be answerable (see isAnswerable); answers its state
   * then, read at the end if nothing final came before. `known` is its state as the caller saw it
   * after the watch began (skips the first read).
   */
  async until(w: Watch, seconds: number, known?: CheckoutState): Promise<CheckoutState> {
    const deadline = Date.now() + seconds * 1000;
    let state = known;
    try {
      for (;;) {
        const told = w.notified;
        if (told !== undefined && isSettled(told)) return { status: told, nextActionUrl: null };
        state ??= (await ordersStore.checkoutStateOf(this.db, w.orderId)) ?? { status: 'pending', nextActionUrl: null };
        if (isAnswerable(state) || Date.now() >= deadline) return state;
        await w.next(Math.min(RECHECK_MS, deadline - Date.now()));
        // Woken, rechecking or at the deadline: what the order is now is read again.
        state = undefined;
      }
    } finally {
      w.close();
    }
  }

  /** Waits up to `seconds` for an order that may already be answerable. */
  async wait(orderId: string, seconds: number): Promise<CheckoutState> {
    return this.until(await this.watch(orderId), seconds);
  }

  forget(w: Watch): void {
    const set = this.watches.get(w.orderId);
    set?.delete(w);
    if (set?.size === 0) this.watches.delete(w.orderId);
  }

  async close(): Promise<void> {
    const s = await this.subscription;
    this.subscription = undefined;
    await s?.close();
  }

  private listening(): Promise<Subscription | undefined> {
    this.subscription ??= this.db
      .listen(
        SETTLED_CHANNEL,
        (payload) => this.notified(payload),
        () => this.gap(),
      )
      .catch((err: unknown) => {
        // Waiting still works, by re-reading; try to listen again next time.
        this.logger.warn({ err }, 'cannot listen for settled orders; waiting by re-reading');
        this.subscription = undefined;
        return undefined;
      });
    return this.subscription;
  }

  private notified(payload: string): void {
    const at = payload.lastIndexOf(':');
    const orderId = payload.slice(0, at);
    const status = payload.slice(at + 1) as OrderStatus;
    if (at < 0 || !ORDER_STATUSES.includes(status)) return;
    for (const w of this.watches.get(orderId) ?? []) w.tell(status);
  }

  private gap(): void {
    for (const set of this.watches.values()) for (const w of set) w.tell(undefined);
  }
}
