/** A response body as served, with its validator. */
export interface CachedResponse {
  body: string;
  etag: string;
}

/**
 * The catalog's read cache. Entries live under a generation: every catalog write moves the
 * generation on, so every replica stops seeing older entries at once, with no key scan. A reader
 * stores what it computed under the generation it saw *before* reading the database, so a
 * result computed from data older than a concurrent write can never be served after that write.
 */
export interface ReadCache {
  readonly kind: 'memory' | 'redis' | 'off';
  /** The entry for `key`, and the generation token to store a fresh one under. */
  get(key: string): Promise<{ entry: CachedResponse | null; token: string }>;
  set(key: string, token: string, entry: CachedResponse): Promise<void>;
  /** Called after a write has committed. */
  invalidate(): Promise<void>;
  close(): Promise<void>;
}

export const noCache: ReadCache = {
  kind: 'off',
  get: async () => ({ entry: null, token: '' }),
  set: async () => undefined,
  invalidate: async () => undefined,
  close: async () => undefined,
};

/** In-process LRU with a time to live, for the embedded mode (one catalog process). */
export class MemoryReadCache implements ReadCache {
  readonly kind = 'memory';
  private generation = 0;
  private readonly entries = new Map<string, { entry: CachedResponse; expires: number }>();

  constructor(private readonly opts: { maxEntries: number; ttlMs: number; now?: () => number }) {}

  private now(): number {
    return this.opts.now ? this.opts.now() : Date.now();
  }

  async get(key: string): Promise<{ entry: CachedResponse | null; token: string }> {
    const token = String(this.generation);
    const hit = this.entries.get(key);
    if (!hit) return { entry: null, token };
    if (hit.expires <= this.now()) {
      this.entries.delete(key);
      return { entry: null, token };
    }
    // Most recently used last: Map keeps insertion order.
    this.entries.delete(key);
    this.entries.set(key, hit);
    return { entry: hit.entry, token };
  }

  async set(key: string, token: string, entry: CachedResponse): Promise<void> {
    if (token !== String(this.generation)) return;
    this.entries.delete(key);
    this.entries.set(key, { entry, expires: this.now() + this.opts.ttlMs });
    while (this.entries.size > this.opts.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }

  async invalidate(): Promise<void> {
    this.generation++;
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  async close(): Promise<void> {
    this.entries.clear();
  }
}

/** The same cache, firing `changes` after every invalidation (even with the cache off: an edge cache may keep reads). */
export function signalling(cache: ReadCache, changes: { changed(): void }): ReadCache {
  return {
    kind: cache.kind,
    get: (key) => cache.get(key),
    set: (key, token, entry) => cache.set(key, token, entry),
    async invalidate() {
      try {
        await cache.invalidate();
      } finally {
        changes.changed();
      }
    },
    close: () => cache.close(),
  };
}

/** The same cache, counting hits and misses of `get` (metrics). */
export function countingHits(cache: ReadCache, count: (result: 'hit' | 'miss') => void): ReadCache {
  if (cache.kind === 'off') return cache;
  return {
    kind: cache.kind,
    async get(key) {
      const found = await cache.get(key);
      count(found.entry ? 'hit' : 'miss');
      return found;
    },
    set: (key, token, entry) => cache.set(key, token, entry),
    invalidate: () => cache.invalidate(),
    close: () => cache.close(),
  };
}
