// Kept by hand, on purpose: the fetching policy. Tokens are verified by `jose` (jwt-verify.ts)
// and keys are read from their JWK by Node's crypto; what stays here is when to fetch, which
// jose's createRemoteJWKSet decides differently in three ways that matter at the edge: once its
// cache is older than its max age, a failed fetch fails every verification (here the keys held
// keep serving while auth is down); its cooldown counts from the last successful fetch, so
// while auth is down every token with a made-up `kid` triggers another fetch (here attempts
// are spaced whatever their outcome); and it reads any size of answer (here 64 KiB at most).
// The gateway also reads held keys synchronously (`peek`), which its API does not offer.
import type { KeyObject } from 'node:crypto';
import type { Logger } from '../logger.js';
import { fetchAuthDocument } from './fetch-document.js';
import { keyMapFromJwks } from './jwt-verify.js';

export interface JwksCacheOptions {
  /** Where the auth service publishes its keys, e.g. http://auth:8081/.well-known/jwks.json. */
  url: string;
  /** Time allowed for one fetch (default 2 s). */
  fetchTimeoutMs?: number;
  /** Keys older than this are fetched again on the next lookup (default 5 min). */
  maxAgeMs?: number;
  /** At most one fetch per this interval, however many unknown `kid`s arrive (default 30 s). */
  minRefreshIntervalMs?: number;
  logger?: Logger;
  /** For tests: the clock, in ms. */
  now?: () => number;
  /** For tests: the fetch to use. */
  fetch?: typeof fetch;
}

/** The keys could not be fetched and none were ever cached. */
export class JwksUnavailable extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'JwksUnavailable';
  }
}

const MAX_JWKS_BYTES = 64 * 1024;

/**
 * The auth service's public keys, fetched on first use and kept. An unknown `kid` (a key just
 * rotated in) triggers a refresh, at most once per `minRefreshIntervalMs` so that tokens with
 * made-up `kid`s cannot turn into a flood of fetches. When a fetch fails the keys already held
 * are served: a short outage of auth does not log anybody out.
 */
export class JwksCache {
  private keys: Map<string, KeyObject> | undefined;
  private fetchedAt = 0;
  private lastAttempt = Number.NEGATIVE_INFINITY;
  private inflight: Promise<void> | undefined;
  private readonly now: () => number;
  /** Number of fetches attempted (for tests and metrics). */
  fetches = 0;

  constructor(private readonly opts: JwksCacheOptions) {
    this.now = opts.now ?? Date.now;
  }

  /** The key for `kid` from the cache alone, without any fetch (undefined when not held or stale). */
  peek(kid: string): KeyObject | undefined {
    if (!this.keys || this.now() - this.fetchedAt > (this.opts.maxAgeMs ?? 300_000)) return undefined;
    return this.keys.get(kid);
  }

  /**
   * The key for `kid`, fetching the set first when none is held or it is stale, or when `kid` is
   * unknown and the last fetch is old enough. Throws JwksUnavailable only when no key was ever held.
   */
  async keyFor(kid: string): Promise<KeyObject | undefined> {
    const now = this.now();
    const stale = !this.keys || now - this.fetchedAt > (this.opts.maxAgeMs ?? 300_000);
    const known = this.keys?.get(kid);
    if (known && !stale) return known;
    const mayFetch = stale || now - this.lastAttempt >= (this.opts.minRefreshIntervalMs ?? 30_000);
    if (mayFetch || this.inflight) await this.refresh();
    if (!this.keys) throw new JwksUnavailable(`no signing keys could be fetched from ${this.opts.url}`);
    return this.keys.get(kid);
  }

  /** Fetches the set now (concurrent callers share one fetch). A failure keeps the keys held. */
  refresh(): Promise<void> {
    this.inflight ??= this.fetchOnce().finally(() => {
      this.inflight = undefined;
    });
    return this.inflight;
  }

  private async fetchOnce(): Promise<void> {
    this.lastAttempt = this.now();
    this.fetches++;
    try {
      const doc = await fetchAuthDocument(this.opts.url, { what: 'JWKS', timeoutMs: this.opts.fetchTimeoutMs ?? 2_000, maxBytes: MAX_JWKS_BYTES, fetch: this.opts.fetch });
      if (!Array.isArray(doc.keys)) throw new Error('the JWKS document has no keys array');
      this.keys = keyMapFromJwks({ keys: doc.keys });
      this.fetchedAt = this.now();
    } catch (err) {
      this.opts.logger?.warn({ err, url: this.opts.url, cached: this.keys?.size ?? 0 }, 'JWKS fetch failed');
      if (!this.keys) return;
      // Keep serving what is held; it is tried again after the refresh interval, not on every call.
      this.fetchedAt = Math.max(this.fetchedAt, this.now() - (this.opts.maxAgeMs ?? 300_000) + (this.opts.minRefreshIntervalMs ?? 30_000));
    }
  }
}
