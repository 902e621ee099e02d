import type { Db, Logger, Subscription } from '@mercato/chassis';
import { isSettled, type OrderStatus } from './order-states.js';
import { ordersStore, SETTLED_CHANNEL } from './orders.store.js';

// A safety net under the notifications (a replica's missed NOTIFY, a reconnect): re-read this often.
const RECHECK_MS = 1_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Waits for orders to settle (`Prefer: wait`): every replica LISTENs, and the saga NOTIFYs in
 * the transaction that settles an order, so a waiter wakes when the outcome commits, on
 * whichever replica it runs. The listening connection opens on the first wait.
 */
export class SettledOrders {
  private readonly waiters = new Map<string, Set<() => void>>();
  private subscription: Promise<Subscription | undefined> | undefined;

  constructor(
    private readonly db: Db,
    private readonly logger: Logger,
  ) {}

  /** Waits up to `seconds` for the order to settle; answers its status then. */
  async wait(orderId: string, seconds: number): Promise<OrderStatus> {
    const deadline = Date.now() + seconds * 1000;
    await this.listening();
    for (;;) {
      let wake!: () => void;
      const woken = new Promise<void>((resolve) => (wake = resolve));
      this.add(orderId, wake);
      try {
        const status = (await ordersStore.statusOf(this.db, orderId)) ?? 'pending';
        const left = deadline - Date.now();
        if (isSettled(status) || left <= 0) return status;
        await Promise.race([woken, sleep(Math.min(RECHECK_MS, left))]);
      } finally {
        this.remove(orderId, wake);
      }
    }
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
        (orderId) => this.wakeOne(orderId),
        () => this.wakeAll(),
      )
      .catch((err: unknown) => {
        // Waiting still works, by re-reading every second; try to listen again next time.
        this.logger.warn({ err }, 'cannot listen for settled orders; waiting by polling');
        this.subscription = undefined;
        return undefined;
      });
    return this.subscription;
  }

  private add(orderId: string, wake: () => void): void {
    let set = this.waiters.get(orderId);
    if (!set) this.waiters.set(orderId, (set = new Set()));
    set.add(wake);
  }

  private remove(orderId: string, wake: () => void): void {
    const set = this.waiters.get(orderId);
    set?.delete(wake);
    if (set?.size === 0) this.waiters.delete(orderId);
  }

  private wakeOne(orderId: string): void {
    for (const wake of this.waiters.get(orderId) ?? []) wake();
  }

  private wakeAll(): void {
    for (const set of this.waiters.values()) for (const wake of set) wake();
  }
}
