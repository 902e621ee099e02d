import type { Envelope } from '@mercato/contracts';
import { SerializedEvent, type BusDriver, type DeliverFn, type PublishItem } from './bus.js';

const MAX_BATCH = 100;

interface Group {
  name: string;
  types: Set<string>;
  deliver: DeliverFn;
  /** Serialises deliveries to this group so events keep their publish order. */
  tail: Promise<void>;
  inFlight: number;
}

/**
 * The in-process bus of the embedded mode. Same contract as the broker: publish resolves only
 * when every subscribed service has recorded each event (handled, or parked for retry), so the
 * outbox row it came from is done only then and a crash loses nothing.
 *
 * Subscriptions must be complete before anything is published, or an event would be "done"
 * with a consumer missing: publish waits until `open()` is called, after every service in the
 * process has subscribed.
 */
export class MemoryBus implements BusDriver {
  readonly kind = 'memory' as const;
  private readonly groups = new Map<string, Group>();
  private opened!: () => void;
  private readonly openPromise = new Promise<void>((resolve) => {
    this.opened = resolve;
  });
  private consuming = true;
  private closed = false;

  get connected(): boolean {
    return !this.closed;
  }

  async start(): Promise<void> {}

  /** Allows publishing: every consumer group of this process has subscribed. */
  open(): void {
    this.opened();
  }

  async subscribe(group: string, types: readonly string[], deliver: DeliverFn): Promise<void> {
    if (this.groups.has(group)) throw new Error(`consumer group ${group} subscribed twice`);
    this.groups.set(group, { name: group, types: new Set(types), deliver, tail: Promise.resolve(), inFlight: 0 });
  }

  async publish(items: readonly PublishItem[]): Promise<void> {
    await this.openPromise;
    const events: Envelope[] = items.map((e) => (e instanceof SerializedEvent ? e.toEnvelope() : e));
    if (this.closed) throw new Error('bus is closed');
    if (!this.consuming) throw new Error('bus is no longer delivering');
    const work: Promise<void>[] = [];
    for (const group of this.groups.values()) {
      const mine = events.filter((e) => group.types.has(e.type));
      if (mine.length === 0) continue;
      // A copy per group: a consumer must never see another's mutations.
      const run = group.tail.then(async () => {
        group.inFlight++;
        try {
          for (let i = 0; i < mine.length; i += MAX_BATCH) await group.deliver(structuredClone(mine.slice(i, i + MAX_BATCH)));
        } finally {
          group.inFlight--;
        }
      });
      group.tail = run.catch(() => undefined);
      work.push(run);
    }
    await Promise.all(work);
  }

  async stopConsuming(): Promise<void> {
    this.consuming = false;
    await Promise.all([...this.groups.values()].map((g) => g.tail));
  }

  async ping(): Promise<void> {
    if (this.closed) throw new Error('bus is closed');
  }

  async close(): Promise<void> {
    await this.stopConsuming();
    this.closed = true;
  }
}
