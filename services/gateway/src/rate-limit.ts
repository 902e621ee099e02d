import { createRedis, RedisCircuit, redisClientOptions, type Logger } from '@mercato/chassis';
import type { Redis } from 'ioredis';

/** `limit` requests per `windowMs`. */
export interface RateRule {
  limit: number;
  windowMs: number;
}

const UNITS: Record<string, number> = { s: 1_000, sec: 1_000, second: 1_000, m: 60_000, min: 60_000, minute: 60_000, h: 3_600_000, hour: 3_600_000 };
export const RATE_PATTERN = '^[0-9]{1,9}(/(s|sec|second|m|min|minute|h|hour))?$';

/** `300/min`, `10/s`, `5000/h`, or a bare number (per minute); `0` turns the limit off. */
export function parseRate(text: string): RateRule | undefined {
  const m = /^(\d{1,9})(?:\/(\w+))?$/.exec(text.trim());
  if (!m) throw new Error(`not a rate: ${text} (expected e.g. 300/min)`);
  const unit = UNITS[m[2] ?? 'min'];
  if (unit === undefined) throw new Error(`unknown rate unit in ${text}`);
  const limit = Number(m[1]);
  return limit === 0 ? undefined : { limit, windowMs: unit };
}

/** A fixed window: the one `now` falls in, and when it ends (both gateways agree on it by the clock). */
export function windowOf(now: number, windowMs: number): { id: number; resetAt: number } {
  const id = Math.floor(now / windowMs);
  return { id, resetAt: (id + 1) * windowMs };
}

export interface RateDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the window resets (at least 1). */
  resetS: number;
}

/** The decision for the `count`-th request of a window ending at `resetAt`. */
export function decide(rule: RateRule, count: number, resetAt: number, now: number): RateDecision {
  return {
    allowed: count <= rule.limit,
    limit: rule.limit,
    remaining: Math.max(0, rule.limit - count),
    resetS: Math.max(1, Math.ceil((resetAt - now) / 1000)),
  };
}

/** Counts requests per key and window. */
export interface RateStore {
  /** Adds one to `key`'s count in window `windowId` (which lasts `windowMs`) and returns the count. */
  hit(key: string, windowId: number, windowMs: number): number | Promise<number>;
  close(): Promise<void>;
}

/** In this process only (embedded mode, one gateway). Expired windows are swept as time passes. */
export class MemoryRateStore implements RateStore {
  private readonly counts = new Map<string, { windowId: number; count: number; expiresAt: number }>();
  private nextSweep = 0;
  constructor(private readonly now: () => number = Date.now) {}

  hit(key: string, windowId: number, windowMs: number): number {
    const now = this.now();
    if (now >= this.nextSweep) this.sweep(now);
    const e = this.counts.get(key);
    if (e && e.windowId === windowId) return ++e.count;
    this.counts.set(key, { windowId, count: 1, expiresAt: (windowId + 1) * windowMs });
    return 1;
  }

  get size(): number {
    return this.counts.size;
  }

  private sweep(now: number): void {
    this.nextSweep = now + 5_000;
    for (const [k, e] of this.counts) if (e.expiresAt <= now) this.counts.delete(k);
  }

  async close(): Promise<void> {
    this.counts.clear();
  }
}

// One round trip, atomic: the first hit of a window sets its expiry.
const HIT_SCRIPT = `local c = redis.call('INCR', KEYS[1])
if c == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return c`;

type RedisWithHit = Redis & { mercatoRateHit(key: string, ttlMs: number): Promise<number> };

/**
 * Shared by every gateway replica: one counter per key and window in Redis. Behind a circuit:
 * while Redis is down (or frozen) a hit fails at once, without a round trip, and the limiter
 * lets the request through.
 */
export class RedisRateStore implements RateStore {
  readonly circuit: RedisCircuit;
  constructor(
    url: string,
    private readonly prefix = 'mercato:ratelimit:',
    logger?: Logger,
  ) {
    const redis = createRedis(url, redisClientOptions({ enableAutoPipelining: true })) as RedisWithHit;
    redis.defineCommand('mercatoRateHit', { numberOfKeys: 1, lua: HIT_SCRIPT });
    this.circuit = new RedisCircuit(redis, { name: 'rate limits', logger });
  }

  hit(key: string, windowId: number, windowMs: number): Promise<number> {
    // Thrown, not a rejected promise, while the circuit is open: the request goes on at once.
    if (!this.circuit.available) throw new Error('Redis is unavailable');
    return this.circuit.call((r) => (r as RedisWithHit).mercatoRateHit(`${this.prefix}${key}:${windowId}`, windowMs + 1_000)).then(Number);
  }

  async close(): Promise<void> {
    await this.circuit.redis.quit().catch(() => undefined);
    this.circuit.close();
  }
}

/**
 * Fixed-window limits per client address and per user. A store that fails (Redis down) lets the
 * request through: the limit is a guard, and an outage of it must not take the platform down.
 */
export class RateLimiter {
  private lastWarn = 0;
  constructor(
    readonly store: RateStore,
    private readonly rules: { ip?: RateRule | undefined; user?: RateRule | undefined },
    private readonly logger?: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether requests are limited by `kind` at all (when not, their key need not be worked out). */
  limits(kind: 'ip' | 'user'): boolean {
    return this.rules[kind] !== undefined;
  }

  /** Undefined when no limit applies (or the store failed). */
  hit(kind: 'ip' | 'user', key: string): RateDecision | undefined | Promise<RateDecision | undefined> {
    const rule = this.rules[kind];
    if (!rule) return undefined;
    const now = this.now();
    const w = windowOf(now, rule.windowMs);
    let count: number | Promise<number>;
    try {
      count = this.store.hit(`${kind}:${key}`, w.id, rule.windowMs);
    } catch (err) {
      return this.failOpen(err);
    }
    if (typeof count === 'number') return decide(rule, count, w.resetAt, now);
    return count.then(
      (n) => decide(rule, n, w.resetAt, now),
      (err: unknown) => this.failOpen(err),
    );
  }

  private failOpen(err: unknown): undefined {
    const now = Date.now();
    if (now - this.lastWarn > 10_000) {
      this.lastWarn = now;
      this.logger?.warn({ err }, 'rate limit store failed; requests are let through');
    }
    return undefined;
  }
}
