import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { createRedis, RedisCircuit, redisClientOptions, type ChangeSignal, type Logger } from '@mercato/chassis';
import { downstreamResponseHeaders } from './proxy-headers.js';

/**
 * The gateway as a shared HTTP cache (RFC 9111) in front of the catalog's public reads, as a CDN
 * or Varnish would be: answers are kept as the upstream's Cache-Control, ETag and Vary allow,
 * an If-None-Match is answered here, and nothing a credential could have shaped is ever kept.
 *
 * Every kept answer lives under the catalog's generation, which every catalog write moves on
 * once it has committed: in memory (embedded mode) the catalog tells the gateway in the same
 * process (ChangeSignal); in Redis (distributed mode) the generation is the catalog's own key,
 * read in the same round trip as the answer, so a write is seen by every gateway replica at the
 * next request. An answer is stored under the generation read *before* the upstream was asked,
 * so one computed before a concurrent write is never served after it.
 */

/** One kept answer: what the upstream sent, as passed on downstream (no per-request headers). */
export interface CachedAnswer {
  status: number;
  headers: Record<string, string | string[]>;
  body: Buffer;
  etag: string | undefined;
  /** When it was stored, and when it stops being fresh (ms since the epoch). */
  storedAt: number;
  expiresAt: number;
  /** The upstream's own `Age` when it was stored, in seconds. */
  age: number;
  /**
   * The body as text, when it is text (JSON, HTML…): Node writes a string body in the same
   * system call as the head, a Buffer in a second one. Made on the first hit (`bodyToWrite`),
   * `null` when the body is not UTF-8 text: an answer never read again is never decoded.
   */
  text?: string | null | undefined;
  /**
   * The kept headers and Content-Length as a flat name, value list (what `writeHead` takes),
   * made on the first hit: a hit then copies one array instead of spreading an object.
   */
  head?: Array<string | string[]> | undefined;
}

/** `answer`'s headers and its Content-Length, flat, for `writeHead` (see CachedAnswer.head). */
export function flatHead(answer: CachedAnswer): Array<string | string[]> {
  const out: Array<string | string[]> = [];
  for (const name in answer.headers) if (name !== 'content-length') out.push(name, answer.headers[name]!);
  out.push('content-length', String(answer.body.length));
  return out;
}

const TEXTUAL = /^(?:text\/|application\/(?:[\w.+-]*\+)?json\b)/i;

/** Whether `answer`'s type says its body is UTF-8 text. */
function isUtf8Text(answer: CachedAnswer): boolean {
  const type = answer.headers['content-type'];
  return typeof type === 'string' && TEXTUAL.test(type) && (!/charset=/i.test(type) || /charset="?utf-8/i.test(type));
}

/** The body of a kept answer as it is written: its text when it is UTF-8 text (decoded once, on the first hit), else its bytes. */
export function bodyToWrite(answer: CachedAnswer): string | Buffer {
  if (answer.text === undefined) answer.text = isUtf8Text(answer) ? answer.body.toString('utf8') : null;
  return answer.text ?? answer.body;
}

export interface Lookup {
  answer: CachedAnswer | null;
  /** The generation to store a fresh answer under; '' when nothing may be stored now. */
  token: string;
}

export interface EdgeStore {
  readonly kind: 'memory' | 'redis';
  /** The fresh answer kept for `key` and the variant `headers` select, if any. */
  lookup(key: string, headers: IncomingHttpHeaders): Lookup | Promise<Lookup>;
  /** Keeps `answer` for `key` and the variant of `vary` (header names) `headers` select. */
  store(key: string, token: string, vary: readonly string[], headers: IncomingHttpHeaders, answer: CachedAnswer): void;
  close(): Promise<void>;
}

export interface EdgeCacheSettings {
  /** The longest an answer is kept, whatever its max-age: the bound on a stale read if a purge is lost. */
  maxTtlMs: number;
  /** Answers with a larger body are passed on, never kept. */
  maxBodyBytes: number;
}

// ── what may be looked up and what may be kept ──────────────────────────────────────────────────

const MAX_KEY = 2048;

/**
 * How a request meets the cache: `lookup` (served from it when fresh), `refresh` (the client
 * asked for a fresh answer: asked upstream, and kept), or `bypass` (never served from it nor
 * kept): a request with credentials (an Authorization header or any cookie, as Varnish's built-in
 * policy does: a session cookie is a credential), or `no-store`.
 */
export function requestPolicy(req: IncomingMessage): 'lookup' | 'refresh' | 'bypass' {
  const method = req.method;
  if (method !== 'GET' && method !== 'HEAD') return 'bypass';
  const h = req.headers;
  if (h.authorization !== undefined || h.cookie !== undefined || req.url!.length > MAX_KEY) return 'bypass';
  const cc = h['cache-control'];
  if (cc !== undefined) {
    const d = directives(cc);
    if (d.has('no-store')) return 'bypass';
    if (d.has('no-cache') || d.get('max-age') === '0') return 'refresh';
  }
  if (h.pragma !== undefined && /no-cache/i.test(String(h.pragma))) return 'refresh';
  return 'lookup';
}

/** Cache-Control directives, lower-cased, with their values (unquoted). */
export function directives(value: string | string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (Array.isArray(value) ? value.join(',') : value).split(',')) {
    const eq = part.indexOf('=');
    const name = (eq === -1 ? part : part.slice(0, eq)).trim().toLowerCase();
    if (!name) continue;
    out.set(name, eq === -1 ? '' : part.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1'));
  }
  return out;
}

const header = (headers: Record<string, string | string[] | undefined>, name: string): string | undefined => {
  const v = headers[name];
  return Array.isArray(v) ? v.join(', ') : v;
};

/** The header names an answer varies on (lower-cased, sorted); null for `Vary: *` (never kept). */
export function varyOf(headers: Record<string, string | string[] | undefined>): string[] | null {
  const v = header(headers, 'vary');
  if (!v) return [];
  const names = [...new Set(v.split(',').map((n) => n.trim().toLowerCase()).filter(Boolean))].sort();
  return names.includes('*') ? null : names;
}

/**
 * How long an upstream answer may be kept, in ms (0: not at all). Only a 200 that says it may be
 * shared (`s-maxage` or `max-age` above 0, not `private`, `no-store` or `no-cache`), sets no
 * cookie and does not vary on everything; never longer than `maxTtlMs`, less its own `Age`.
 */
export function freshnessMs(status: number, headers: Record<string, string | string[] | undefined>, maxTtlMs: number): number {
  if (status !== 200 || headers['set-cookie'] !== undefined) return 0;
  const cc = headers['cache-control'];
  if (cc === undefined) return 0;
  const d = directives(cc);
  if (d.has('private') || d.has('no-store') || d.has('no-cache')) return 0;
  const lifetime = Number(d.get('s-maxage') ?? d.get('max-age') ?? '0');
  if (!Number.isFinite(lifetime) || lifetime <= 0) return 0;
  if (varyOf(headers) === null) return 0;
  const age = Number(header(headers, 'age') ?? '0');
  const left = lifetime - (Number.isFinite(age) && age > 0 ? age : 0);
  return left <= 0 ? 0 : Math.min(left * 1000, maxTtlMs);
}

/** Response headers that are the gateway's or the moment's, not the kept answer's. */
const NOT_KEPT = new Set(['date', 'age', 'set-cookie', 'x-cache', 'cache-status', 'x-request-id', 'traceparent']);

/** The upstream's headers as kept: what goes downstream, less the per-answer ones. */
export function keptHeaders(upstream: Record<string, string | string[] | undefined>): Record<string, string | string[]> {
  const out = downstreamResponseHeaders(upstream);
  for (const name of NOT_KEPT) delete out[name];
  return out;
}

/** The variant of an answer a request selects: the request's values of the headers it varies on. */
export function variantOf(vary: readonly string[], headers: IncomingHttpHeaders): string {
  let out = '';
  for (const name of vary) out += `${name}=${normalised(headers[name])}\n`;
  return out;
}

function normalised(v: string | string[] | undefined): string {
  return v === undefined ? '' : Array.isArray(v) ? v.join(', ') : v;
}

/** Whether an `If-None-Match` header names `etag` (weak comparison, RFC 9110 §13.1.2). */
export function ifNoneMatchHolds(value: string | undefined, etag: string | undefined): boolean {
  if (!value || !etag) return false;
  const bare = (t: string) => t.trim().replace(/^W\//, '');
  const target = bare(etag);
  return value.trim() === '*' || value.split(',').some((t) => bare(t) === target);
}

// ── in memory (embedded mode) ───────────────────────────────────────────────────────────────────

interface MemoryUrl {
  vary: readonly string[];
  /** The variant of a request that sends none of the `vary` headers (the usual one). */
  plain: string;
  variants: Map<string, CachedAnswer>;
  bytes: number;
  /** Read since eviction last passed it (see MemoryEdgeStore.evict). */
  used: boolean;
}

/** The variant `headers` select of `url`'s answers. */
function variantFor(url: MemoryUrl, headers: IncomingHttpHeaders): string {
  for (const name of url.vary) if (headers[name] !== undefined) return variantOf(url.vary, headers);
  return url.plain;
}

/**
 * Bounded in bytes, evicting URLs not read lately first (the second-chance approximation of least
 * recently used: a hit only marks its URL); emptied at once when the catalog (in the same
 * process) signals a change.
 */
export class MemoryEdgeStore implements EdgeStore {
  readonly kind = 'memory';
  private generation = 0;
  /** The generation as lookups hand it out. */
  private token = '0';
  private bytes = 0;
  private readonly urls = new Map<string, MemoryUrl>();
  private readonly unsubscribe: () => void;

  constructor(
    private readonly opts: { maxBytes: number; changes?: ChangeSignal; now?: () => number },
  ) {
    this.unsubscribe = opts.changes ? opts.changes.subscribe(() => this.purge()) : () => false;
  }

  purge(): void {
    this.generation++;
    this.token = String(this.generation);
    this.urls.clear();
    this.bytes = 0;
  }

  /**
   * Takes on a generation read elsewhere (Redis): a newer one empties the store. Answers whether
   * `generation` is the store's own now (false for an older one: nothing is served or kept under it).
   */
  adopt(generation: number): boolean {
    if (generation > this.generation) {
      this.urls.clear();
      this.bytes = 0;
      this.generation = generation;
      this.token = String(generation);
    }
    return generation === this.generation;
  }

  get size(): number {
    return this.urls.size;
  }

  lookup(key: string, headers: IncomingHttpHeaders): Lookup {
    const token = this.token;
    const url = this.urls.get(key);
    if (!url) return { answer: null, token };
    const variant = variantFor(url, headers);
    const answer = url.variants.get(variant);
    if (!answer) return { answer: null, token };
    if (answer.expiresAt <= (this.opts.now?.() ?? Date.now())) {
      url.variants.delete(variant);
      url.bytes -= answer.body.length;
      this.bytes -= answer.body.length;
      return { answer: null, token };
    }
    url.used = true;
    return { answer, token };
  }

  store(key: string, token: string, vary: readonly string[], headers: IncomingHttpHeaders, answer: CachedAnswer): void {
    if (token !== String(this.generation) || answer.body.length > this.opts.maxBytes) return;
    let url = this.urls.get(key);
    if (!url || url.vary.join() !== vary.join()) {
      if (url) this.bytes -= url.bytes;
      url = { vary, plain: variantOf(vary, {}), variants: new Map(), bytes: 0, used: false };
    }
    const variant = variantFor(url, headers);
    const before = url.variants.get(variant);
    if (before) {
      url.bytes -= before.body.length;
      this.bytes -= before.body.length;
    }
    url.variants.set(variant, answer);
    url.bytes += answer.body.length;
    this.bytes += answer.body.length;
    this.urls.delete(key);
    this.urls.set(key, url);
    this.evict(url);
  }

  /**
   * Down to the byte bound, from the URL stored or passed over longest ago: one read since it was
   * last passed over moves it to the newest end instead (its second chance), as a read would
   * have in a strict LRU; so does `newest`, the URL just stored, once. Each URL is passed over
   * at most once, so this ends.
   */
  private evict(newest: MemoryUrl): void {
    let spared = false;
    for (const [oldest, u] of this.urls) {
      if (this.bytes <= this.opts.maxBytes) break;
      this.urls.delete(oldest);
      if (u.used || (u === newest && !spared)) {
        u.used = false;
        if (u === newest) spared = true;
        this.urls.set(oldest, u);
      } else this.bytes -= u.bytes;
    }
  }

  async close(): Promise<void> {
    this.unsubscribe();
    this.urls.clear();
  }
}

// ── in Redis (distributed mode) ─────────────────────────────────────────────────────────────────

// One round trip per lookup: the catalog's generation, the URL's Vary, and the variant it selects.
// ARGV: entry prefix, URL, then the request's header names and values.
const LOOKUP_SCRIPT = `
local gen = redis.call('GET', KEYS[1]) or '0'
local k = ARGV[1] .. gen .. ':' .. ARGV[2]
local vary = redis.call('HGET', k, 'vary')
if not vary then return { gen } end
local values = {}
for i = 3, #ARGV, 2 do values[ARGV[i]] = ARGV[i + 1] end
local variant = ''
for name in string.gmatch(vary, '[^,]+') do variant = variant .. name .. '=' .. (values[name] or '') .. '\\n' end
return { gen, vary, redis.call('HGET', k, 'v:' .. variant) }
`;
// KEYS: the URL's hash; ARGV: its Vary, the variant field, the answer, the hash's time to live (ms).
const STORE_SCRIPT = `
if redis.call('HGET', KEYS[1], 'vary') ~= ARGV[1] then redis.call('DEL', KEYS[1]) end
redis.call('HSET', KEYS[1], 'vary', ARGV[1], ARGV[2], ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return 1
`;

type LookupReply = [Buffer, Buffer?, (Buffer | null)?];

/**
 * Shared by every gateway replica. The generation is the catalog's (`<CATALOG_CACHE_PREFIX>gen`,
 * which every catalog write increments after it commits). Each replica keeps what it served in
 * memory too, under the generation it was read with: a read asks Redis for the generation only
 * (one GET shared by every request that arrived in the same turn of the event loop, sent after
 * each of them arrived, so none misses a write that had committed before it came), and for the
 * answer only when this replica does not hold it. While Redis cannot be reached nothing is
 * served from either or kept (the upstream answers): never stale, only slower.
 */
export class RedisEdgeStore implements EdgeStore {
  readonly kind = 'redis';
  readonly circuit: RedisCircuit;
  private readonly local: MemoryEdgeStore;
  private pending: Promise<number> | undefined = undefined;
  private warned = 0;

  constructor(private readonly opts: { url: string; generationKey: string; prefix: string; maxTtlMs: number; maxBytes: number; logger: Logger }) {
    const redis = createRedis(opts.url, redisClientOptions());
    redis.defineCommand('edgeLookup', { numberOfKeys: 1, lua: LOOKUP_SCRIPT });
    redis.defineCommand('edgeStore', { numberOfKeys: 1, lua: STORE_SCRIPT });
    this.circuit = new RedisCircuit(redis, { name: 'the edge cache', logger: opts.logger });
    this.local = new MemoryEdgeStore({ maxBytes: opts.maxBytes });
  }

  private warn(err: unknown, msg: string): void {
    const now = Date.now();
    if (now - this.warned < 10_000) return;
    this.warned = now;
    this.opts.logger.warn({ err }, msg);
  }

  /** The catalog's generation, read once for every request that arrived in this turn of the event loop. */
  private generation(): Promise<number> {
    this.pending ??= new Promise<number>((resolve, reject) => {
      setImmediate(() => {
        // Sent now, after every request that shares it arrived; later ones read anew.
        this.pending = undefined;
        this.circuit.call((r) => r.get(this.opts.generationKey)).then((v) => resolve(Number(v ?? 0)), reject);
      });
    });
    return this.pending;
  }

  async lookup(key: string, headers: IncomingHttpHeaders): Promise<Lookup> {
    try {
      const gen = await this.generation();
      if (this.local.adopt(gen)) {
        const near = this.local.lookup(key, headers);
        if (near.answer) return { answer: near.answer, token: String(gen) };
      }
      const args: string[] = [this.opts.prefix, key];
      for (const name in headers) args.push(name, normalised(headers[name]));
      const [g, vary, value] = await this.circuit.call((r) =>
        (r as unknown as { edgeLookupBuffer(k: string, ...a: string[]): Promise<LookupReply> }).edgeLookupBuffer(this.opts.generationKey, ...args),
      );
      const token = g.toString();
      if (!value) return { answer: null, token };
      const answer = decode(value);
      if (answer.expiresAt <= Date.now()) return { answer: null, token };
      // Kept here too, under the generation it was read with.
      if (this.local.adopt(Number(token))) this.local.store(key, token, vary ? vary.toString().split(',').filter(Boolean) : [], headers, answer);
      return { answer, token };
    } catch (err) {
      this.warn(err, 'edge cache read failed; passing requests on');
      return { answer: null, token: '' };
    }
  }

  store(key: string, token: string, vary: readonly string[], headers: IncomingHttpHeaders, answer: CachedAnswer): void {
    if (token === '') return;
    if (this.local.adopt(Number(token))) this.local.store(key, token, vary, headers, answer);
    const hash = `${this.opts.prefix}${token}:${key}`;
    const field = `v:${variantOf(vary, headers)}`;
    this.circuit
      .call((r) =>
        (r as unknown as { edgeStore(k: string, ...a: Array<string | Buffer>): Promise<number> }).edgeStore(hash, vary.join(','), field, encode(answer), String(this.opts.maxTtlMs)),
      )
      .catch((err: unknown) => this.warn(err, 'edge cache write failed'));
  }

  async close(): Promise<void> {
    this.circuit.close();
    await this.local.close();
  }
}

/** `<JSON of the rest>\n<body bytes>`: the JSON has no raw newline. */
function encode(a: CachedAnswer): Buffer {
  const meta = JSON.stringify({ s: a.status, h: a.headers, e: a.etag, t: a.storedAt, x: a.expiresAt, a: a.age });
  return Buffer.concat([Buffer.from(`${meta}\n`), a.body]);
}

function decode(value: Buffer): CachedAnswer {
  const nl = value.indexOf(10);
  const m = JSON.parse(value.subarray(0, nl).toString()) as { s: number; h: Record<string, string | string[]>; e?: string; t: number; x: number; a: number };
  return { status: m.s, headers: m.h, etag: m.e, storedAt: m.t, expiresAt: m.x, age: m.a, body: value.subarray(nl + 1) };
}
