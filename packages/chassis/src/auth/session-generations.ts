import type { Logger } from '../logger.js';
import { fetchAuthDocument } from './fetch-document.js';

/**
 * Which access tokens a password reset has revoked, as auth publishes them. Access tokens are
 * stateless for 15 minutes; a reset moves the user's session generation on, and every token
 * carries the generation it was signed in (`sgen`). Auth serves the generations that changed
 * within one access-token lifetime (older changes concern only expired tokens) at
 * `GET /internal/session-generations`, which the gateway never routes; the gateway and every
 * service that verifies tokens keep a copy, refreshed in the background every `refreshMs`, and
 * refuse a token whose generation is older than its user's.
 *
 * Fails open: while auth cannot be read, tokens are judged on what was last read (or accepted
 * when nothing ever was), so an auth outage does not sign everybody out. A revoked token then
 * stays usable until auth answers again, at most until it expires.
 */
export interface SessionGenerationsOptions {
  /** e.g. http://auth:8081/internal/session-generations */
  url: string;
  /** How old the copy may get before a request triggers a refresh (default 5 s). */
  refreshMs?: number;
  /** Time allowed for one fetch (default 1 s). */
  fetchTimeoutMs?: number;
  logger?: Logger;
  now?: () => number;
  fetch?: typeof fetch;
}

interface Entry {
  generation: number;
  /** ms: after this no token of an older generation can still be valid. */
  until: number;
}

const MAX_BYTES = 4 * 1024 * 1024;

/** The session generations auth publishes (see the file comment). */
export class SessionGenerations {
  private entries = new Map<string, Entry>();
  private loadedAt = Number.NEGATIVE_INFINITY;
  private loaded = false;
  private inflight: Promise<void> | undefined;
  private lastWarning = Number.NEGATIVE_INFINITY;
  private readonly now: () => number;
  /** Fetches attempted (for tests and metrics). */
  fetches = 0;

  constructor(private readonly opts: SessionGenerationsOptions) {
    this.now = opts.now ?? Date.now;
  }

  /**
   * Whether a token of `userId` signed in generation `sgen` (absent: 0) has been revoked. Waits
   * for the first read only; after that it answers from the copy, refreshing it in the background.
   */
  async revoked(userId: string, sgen: number | undefined): Promise<boolean> {
    if (!this.loaded) await this.refresh();
    else if (this.now() - this.loadedAt > (this.opts.refreshMs ?? 5_000)) void this.refresh();
    const entry = this.entries.get(userId);
    return entry !== undefined && entry.until > this.now() && (sgen ?? 0) < entry.generation;
  }

  /** Reads auth's list now (concurrent callers share one read). A failure keeps the copy. */
  refresh(): Promise<void> {
    this.inflight ??= this.fetchOnce().finally(() => {
      this.inflight = undefined;
    });
    return this.inflight;
  }

  private async fetchOnce(): Promise<void> {
    this.fetches++;
    const started = this.now();
    try {
      const doc = await fetchAuthDocument(this.opts.url, { what: 'session generations', timeoutMs: this.opts.fetchTimeoutMs ?? 1_000, maxBytes: MAX_BYTES, fetch: this.opts.fetch });
      if (!Array.isArray(doc.items) || typeof doc.keepS !== 'number') throw new Error('the session generations document has no items');
      const entries = new Map<string, Entry>();
      for (const raw of doc.items as { userId?: unknown; generation?: unknown; changedAt?: unknown }[]) {
        if (typeof raw?.userId !== 'string' || !Number.isSafeInteger(raw.generation) || typeof raw.changedAt !== 'string') continue;
        const changed = Date.parse(raw.changedAt);
        if (Number.isNaN(changed)) continue;
        entries.set(raw.userId, { generation: raw.generation as number, until: changed + doc.keepS * 1000 });
      }
      this.entries = entries;
      this.loaded = true;
      this.loadedAt = started;
    } catch (err) {
      // Judged on the copy held; tried again at the next request after the refresh interval.
      this.loaded = true;
      this.loadedAt = started;
      if (this.now() - this.lastWarning > 60_000) {
        this.lastWarning = this.now();
        this.opts.logger?.warn({ err, url: this.opts.url, held: this.entries.size }, 'session generations could not be read; tokens are judged on the last copy');
      }
    }
  }
}

/** Where auth publishes the session generations, next to its JWKS. */
export function sessionGenerationsUrl(jwksUrl: string): string {
  return new URL('/internal/session-generations', jwksUrl).toString();
}
