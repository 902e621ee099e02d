import { Redis } from 'ioredis';
import type { Logger } from '@mercato/chassis';
import type { CachedResponse, ReadCache } from './read-cache.js';

// One round trip per read: the generation and the entry under it.
const GET_SCRIPT = `
local gen = redis.call('GET', KEYS[1]) or '0'
return { gen, redis.call('GET', ARGV[1] .. gen .. ':' .. ARGV[2]) }
`;

/**
 * The read cache shared by every catalog replica (distributed mode). A write anywhere bumps the
 * shared generation, so the next read on any replica misses. When Redis is unreachable the
 * catalog reads from its database (slower, never wrong).
 */
export class RedisReadCache implements ReadCache {
  readonly kind = 'redis';
  private readonly redis: Redis;
  private readonly genKey: string;
  private readonly entryPrefix: string;
  private warned = 0;

  constructor(private readonly opts: { url: string; prefix: string; ttlSeconds: number; logger: Logger }) {
    this.redis = new Redis(opts.url, {
      lazyConnect: false,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      connectTimeout: 2_000,
      retryStrategy: (n) => Math.min(n * 200, 2_000),
    });
    this.redis.on('error', (err) => this.warn(err, 'redis cache connection failed'));
    this.redis.defineCommand('cacheGet', { numberOfKeys: 1, lua: GET_SCRIPT });
    this.genKey = `${opts.prefix}gen`;
    this.entryPrefix = `${opts.prefix}e:`;
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
      const [gen, value] = (await (this.redis as unknown as { cacheGet(k: string, p: string, key: string): Promise<[string, string | null]> }).cacheGet(
        this.genKey,
        this.entryPrefix,
        key,
      ));
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
      await this.redis.set(`${this.entryPrefix}${token}:${key}`, `${entry.etag}\n${entry.body}`, 'EX', this.opts.ttlSeconds);
    } catch (err) {
      this.warn(err, 'redis cache write failed');
    }
  }

  async invalidate(): Promise<void> {
    try {
      await this.redis.incr(this.genKey);
    } catch (err) {
      // The entries still expire by their time to live.
      this.opts.logger.error({ err }, 'redis cache invalidation failed; cached reads may be stale until they expire');
    }
  }

  async close(): Promise<void> {
    this.redis.disconnect();
  }
}
