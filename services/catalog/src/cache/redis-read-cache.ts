import { createRedis, RedisCircuit, redisClientOptions, type Logger } from '@mercato/chassis';
import type { CachedResponse, ReadCache } from './read-cache.js';

// One round trip per read: the generation and the entry under it.
const GET_SCRIPT = `
local gen = redis.call('GET', KEYS[1]) or '0'
return { gen, redis.call('GET', ARGV[1] .. gen .. ':' .. ARGV[2]) }
`;

/**
 * The read cache shared by every catalog replica (distributed mode). A write anywhere bumps the
 * shared generation, so the next read on any replica misses. When Redis is unreachable the
 * catalog reads from its database (slower, never wrong): behind a circuit, at once, without
 * waiting for Redis on every request. A write whose invalidation could not reach Redis bumps the
 * generation as soon as Redis is back, before this replica reads from it again.
 */
export class RedisReadCache implements ReadCache {
  readonly kind = 'redis';
  readonly circuit: RedisCircuit;
  private readonly genKey: string;
  private readonly entryPrefix: string;
  private warned = 0;
  private missedInvalidation = false;

  constructor(private readonly opts: { url: string; prefix: string; ttlSeconds: number; logger: Logger }) {
    const redis = createRedis(opts.url, redisClientOptions());
    redis.on('error', (err) => this.warn(err, 'redis cache connection failed'));
    redis.defineCommand('cacheGet', { numberOfKeys: 1, lua: GET_SCRIPT });
    this.genKey = `${opts.prefix}gen`;
    this.entryPrefix = `${opts.prefix}e:`;
    this.circuit = new RedisCircuit(redis, {
      name: 'the catalog cache',
      logger: opts.logger,
      onBack: async (r) => {
        if (!this.missedInvalidation) return;
        await r.incr(this.genKey);
        this.missedInvalidation = false;
      },
    });
  }

  private warn(err: unknown, msg: string): void {
    // At most one line every 10 s: a Redis outage must not flood the log.
    const now = Date.now();
    if (now - this.warned < 10_000) return;
    this.warned = now;
    this.opts.logger.warn({ err }, msg);
  }

  async get(key: string): Promise<{ entry: CachedResponse | null; token: string }> {
    try {
      // A write's invalidation that did not reach Redis is made before anything is read from it.
      if (this.missedInvalidation) await this.invalidateNow();
      const [gen, value] = await this.circuit.call((r) =>
        (r as unknown as { cacheGet(k: string, p: string, key: string): Promise<[string, string | null]> }).cacheGet(this.genKey, this.entryPrefix, key),
      );
      if (value === null) return { entry: null, token: gen };
      const nl = value.indexOf('\n');
      return { entry: { etag: value.slice(0, nl), body: value.slice(nl + 1) }, token: gen };
    } catch (err) {
      this.warn(err, 'redis cache read failed; reading from the database');
      return { entry: null, token: '' };
    }
  }

  async set(key: string, token: string, entry: CachedResponse): Promise<void> {
    if (token === '') return;
    try {
      await this.circuit.call((r) => r.set(`${this.entryPrefix}${token}:${key}`, `${entry.etag}\n${entry.body}`, 'EX', this.opts.ttlSeconds));
    } catch (err) {
      this.warn(err, 'redis cache write failed');
    }
  }

  private async invalidateNow(): Promise<void> {
    this.missedInvalidation = true;
    await this.circuit.call((r) => r.incr(this.genKey));
    this.missedInvalidation = false;
  }

  async invalidate(): Promise<void> {
    try {
      await this.invalidateNow();
    } catch (err) {
      // Made as soon as Redis is back, before this replica reads from it again.
      this.opts.logger.error({ err }, 'redis cache invalidation failed; it is made when Redis is back');
    }
  }

  async close(): Promise<void> {
    this.circuit.close();
  }
}
