import { createRedis, RedisCircuit, redisClientOptions, type Logger } from '@mercato/chassis';

/**
 * The review service's generation in Redis (`<REVIEW_CACHE_PREFIX>gen`), which the gateways'
 * edge caches keep rating summaries under: moved on after every change to a product's published
 * reviews, so the next read through any gateway replica asks the review service again.
 *
 * Every replica hears every change (LISTEN/NOTIFY, sent in the writing transaction) and moves
 * the generation on once per turn of its event loop, however many changes arrived in it: N
 * replicas move it N times, which costs nothing and needs no election. If Redis cannot be
 * reached, the bump is retried until it holds; until then a gateway serves what it kept
 * for at most the summary's max-age (the bound stated in the README and tested).
 */
export class EdgeGeneration {
  readonly circuit: RedisCircuit;
  private readonly key: string;
  private pending: Promise<void> | undefined = undefined;
  private retry: NodeJS.Timeout | undefined = undefined;
  private warned = 0;
  private closed = false;

  constructor(private readonly opts: { url: string; prefix: string; logger: Logger }) {
    const redis = createRedis(opts.url, redisClientOptions());
    redis.on('error', (err) => this.warn(err, 'redis connection of the summary generation failed'));
    this.key = `${opts.prefix}gen`;
    this.circuit = new RedisCircuit(redis, { name: 'the summary generation', logger: opts.logger });
  }

  /**
   * Moves the generation on, once for every call in this turn of the event loop; resolves when it
   * has (a writer awaits it before answering, so its next read through any gateway is fresh), or
   * when it could not (then it is retried every second until it holds). Never rejects.
   */
  bump(): Promise<void> {
    if (this.closed) return Promise.resolve();
    this.pending ??= new Promise<void>((resolve) => {
      setImmediate(() => {
        this.pending = undefined;
        this.circuit.call((r) => r.incr(this.key)).then(
          () => resolve(),
          (err: unknown) => {
            this.warn(err, 'the summary generation could not be moved on; it will be once Redis is back');
            // Tried again every second until it holds, one timer however many bumps failed (the
            // circuit answers at once while Redis is known down; once it is back, this is the trial).
            this.retry ??= setTimeout(() => {
              this.retry = undefined;
              void this.bump();
            }, 1_000).unref();
            resolve();
          },
        );
      });
    });
    return this.pending;
  }

  private warn(err: unknown, msg: string): void {
    const now = Date.now();
    if (now - this.warned < 10_000) return;
    this.warned = now;
    this.opts.logger.warn({ err }, msg);
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.retry);
    this.circuit.close();
  }
}
