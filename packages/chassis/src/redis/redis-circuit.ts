import type * as IORedis from 'ioredis';
import type { Redis, RedisOptions } from 'ioredis';
import type StandaloneConnectorModule from 'ioredis/built/connectors/StandaloneConnector.js';
import type { StandaloneConnectionOptions } from 'ioredis/built/connectors/StandaloneConnector.js';
import { CircuitBreaker, type BreakerPermit } from '../client/circuit-breaker.js';
import { describeTlsError, tlsForRediss } from '../http/tls.js';
import { lazyModule } from '../lazy-module.js';
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
    Connector: shopTlsConnector(),
    lazyConnect: false,
    maxRetriesPerRequest: 0,
    commandTimeout: REDIS_COMMAND_TIMEOUT_MS,
    connectTimeout: 2_000,
    retryStrategy: (attempt: number) => Math.min(attempt * 200, 2_000),
    ...extra,
  };
}

// ioredis is loaded when the first Redis client is made: the embedded mode, which has none,
// does not pay for loading it at every start.
const ioredis = lazyModule<typeof IORedis>(import.meta.url, 'ioredis');

/** A Redis client (ioredis) for `url`, with `options` (take them from redisClientOptions). */
export function createRedis(url: string, options: RedisOptions): Redis {
  return new (ioredis().Redis)(url, options);
}

/**
 * ioredis's own connector, with the shop's trust on `rediss://` URLs: ioredis marks such a URL
 * with `tls: true` (Node's default trust); this puts the process's TLS in its place (the shop's
 * CA, the client certificate; see tlsForRediss). A `redis://` URL stays plain TCP, so one set of
 * client options serves both.
 */
const shopTlsConnector = lazyModule(
  import.meta.url,
  'ioredis/built/connectors/StandaloneConnector.js',
  ({ default: StandaloneConnector }: typeof StandaloneConnectorModule): RedisOptions['Connector'] => {
    class ShopTlsConnector extends StandaloneConnector {
      constructor(raw: unknown) {
        const options = raw as StandaloneConnectionOptions;
        super((options.tls as unknown) === true ? { ...options, tls: tlsForRediss() ?? {} } : options);
      }
    }
    return ShopTlsConnector as unknown as RedisOptions['Connector'];
  },
);

/** A Redis whose certificate was refused (another CA, expired, another host name): the message says which. */
export class RedisTlsRefusedError extends Error {
  override name = 'RedisTlsRefusedError';
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
  /** Why the server's certificate was refused at the last attempt, if it was. */
  refusal: string | undefined;

  constructor(
    readonly redis: Redis,
    opts: RedisCircuitOptions,
  ) {
    // Errors surface on the commands; this keeps a dropped connection from being an unhandled
    // event, and says once why a certificate was refused (until Redis is reached again).
    redis.on('error', (err: unknown) => {
      const why = describeTlsError(err);
      const refusal = why ? `Redis at ${redis.options.host ?? 'localhost'}:${redis.options.port ?? 6379} was refused: ${why}` : undefined;
      if (refusal && refusal !== this.refusal) opts.logger?.error(`${refusal}; ${opts.name} go without it`);
      this.refusal = refusal;
    });
    redis.on('ready', () => {
      this.refusal = undefined;
    });
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
        throw this.refusal ? new RedisTlsRefusedError(this.refusal, { cause: err }) : err;
      },
    );
  }

  close(): void {
    this.breaker.dispose();
    this.redis.disconnect();
  }
}
