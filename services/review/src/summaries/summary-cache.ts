import type { Db, Logger, Subscription } from '@mercato/chassis';
import { SUMMARY_CHANNEL } from './product-changed.js';
import { summariesStore } from './summaries.store.js';
import type { Summary } from './summary.js';

/**
 * Summaries are read on every product page and change rarely: each replica keeps them in memory,
 * and drops one the moment a commit announces its change (LISTEN/NOTIFY, sent in the writing
 * transaction). If the listening connection is lost, the whole cache is dropped once it is back.
 * Entries also expire after `ttlMs`, a bound on staleness should a notification ever be missed.
 */
export class SummaryCache {
  private readonly entries = new Map<string, { summary: Summary; at: number; json: string }>();
  private subscription: Subscription | undefined;
  // Bumped by every invalidation: a read that started before one is not cached (it may be stale).
  private generation = 0;

  constructor(
    private readonly db: Db,
    private readonly logger: Logger,
    private readonly opts: {
      ttlMs: number;
      maxEntries: number;
      /** Told of every change (a product's, or all of them once the listener is back): the edge caches purge on it. */
      onChange?: () => Promise<void> | void;
    },
  ) {}

  async start(): Promise<void> {
    this.subscription = await this.db.listen(
      SUMMARY_CHANNEL,
      (productId) => {
        this.generation++;
        this.entries.delete(productId);
        void this.opts.onChange?.();
      },
      () => {
        this.generation++;
        this.entries.clear();
        void this.opts.onChange?.();
      },
    );
  }

  /** A fresh cached entry, without waiting for anything (the fast path); undefined on a miss. */
  peek(productId: string): { summary: Summary; json: string } | undefined {
    const hit = this.entries.get(productId);
    return hit && Date.now() - hit.at < this.opts.ttlMs ? hit : undefined;
  }

  /** The summary and its JSON text (served as is). */
  async get(productId: string): Promise<{ summary: Summary; json: string }> {
    const hit = this.entries.get(productId);
    if (hit && Date.now() - hit.at < this.opts.ttlMs) return hit;
    const generation = this.generation;
    const summary = await summariesStore.get(this.db, productId);
    const entry = { summary, at: Date.now(), json: JSON.stringify(summary) };
    if (this.opts.ttlMs > 0 && this.subscription && generation === this.generation) {
      if (this.entries.size >= this.opts.maxEntries) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(productId, entry);
    }
    return entry;
  }

  /**
   * Drops a product's entry now and tells the edge caches: a write of this process calls it after
   * its commit and waits for it, so the writer reads its own change at once, here and through any
   * gateway (other replicas hear of it by NOTIFY a moment later).
   */
  async forget(productId: string): Promise<void> {
    this.generation++;
    this.entries.delete(productId);
    await this.opts.onChange?.();
  }

  async close(): Promise<void> {
    await this.subscription?.close().catch((err: unknown) => this.logger.warn({ err }, 'closing the summary listener failed'));
    this.entries.clear();
  }
}
