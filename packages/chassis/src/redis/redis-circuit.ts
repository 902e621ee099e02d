import type { Redis, RedisOptions } from 'ioredis';
import { CircuitBreaker, type BreakerPermit } from '../client/circuit-breaker.js';
import type { Logger } from '../logger.js';

/**
 * Redis holds what may be lost (rate-limit counters, cached reads): a Redis that is down, or
 * frozen, must cost a request nothing. Calls go through a circuit (the chassis breaker) that
 * opens after a few failed or timed-out commands; while it is open they fail at once, without
 * touching Redis, and a PING probes it back; the first call after that is the trial whose
 * success closes the circuit.
 */

/** What a call waits for Redis at most before it counts as failed. */
export const REDIS_COMMAND_TIMEOUT_MS = 500;

/**
 * The client options every Redis user of the platform takes: a short command timeout (a
 * command waits for a connection being made, at start, at most that long) and no retry per
 * command (a lost connection fails what was sent), a reconnection with backoff in the background.
 */
export function redisClientOptions(extra: RedisOptions = {}): RedisOptions {
  return {
    lazyConnect: false,
    maxRetriesPerRequest: 0,
    commandTimeout: REDIS_COMMAND_TIMEOUT_MS,
    connectTimeout: 2_000,
    retryStrategy: (attempt: number) => Math.min(attempt * 200, 2_000),
    ...extra,
  };
}

export interface RedisCircuitOptions {
  /** Who uses it, for logs: e.g. `rate limits`, `catalog cache`. */
  name: string;
  logger?: Logger;
  /** Failed commands in a row that open the circuit. */
  failureThreshold?: number;
  /** Runs after the probe has found Redis back and before any call is let through (e.g. to drop what went stale meanwhile). */
  onBack?: (redis: Redis) => Promise<unknown>;
}

/** A Redis client behind a circuit. */
export class RedisCircuit {
  private readonly breaker: CircuitBreaker;

  constructor(
    readonly redis: Redis,
    opts: RedisCircuitOptions,
  ) {
    // Errors surface on the commands; this only keeps a dropped connection from being an unhandled event.
    redis.on('error', () => undefined);
    this.breaker = new CircuitBreaker({
      name: `redis (${opts.name})`,
      failureThreshold: opts.failureThreshold ?? 3,
      firstRetryMs: 250,
      maxRetryMs: 2_000,
      probe: async () => {
        await redis.ping();
        await opts.onBack?.(redis);
      },
      onStateChange: (c) => {
        if (c.to === 'open') opts.logger?.warn(`Redis unreachable: ${opts.name} go without it until it is back`);
        else if (c.to === 'closed') opts.logger?.info(`Redis is back for ${opts.name}`);
      },
    });
  }

  /**
   * Whether calls go to Redis now: closed, or half-open once the PING probe found Redis back (the
   * next call is the trial that closes the circuit; others are refused at once until it settles).
   * False while the circuit is open and Redis not yet found back.
   */
  get available(): boolean {
    return this.breaker.state !== 'open';
  }

  /**
   * Runs `fn` against Redis; rejects at once (CircuitOpenError) while Redis is known to be down.
   * `fn` must only talk to Redis: every error it throws counts against it.
   */
  call<T>(fn: (redis: Redis) => Promise<T>): Promise<T> {
    let permit: BreakerPermit;
    try {
      permit = this.breaker.acquire();
    } catch (err) {
      return Promise.reject(err as Error);
    }
    return fn(this.redis).then(
      (value) => {
        permit.success();
        return value;
      },
      (err: unknown) => {
        permit.failure();
        throw err;
      },
    );
  }

  close(): void {
    this.breaker.dispose();
    this.redis.disconnect();
  }
}
