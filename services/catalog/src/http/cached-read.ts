import { createHash } from 'node:crypto';
import { can, type FastifyReply, type FastifyRequest, NoBody } from '@mercato/chassis';
import type { CachedResponse } from '../cache/read-cache.js';
import type { CatalogDeps } from '../deps.js';
import { ifNoneMatchHolds } from '../products/etag.js';
import { urlKey } from './fast-reads.js';

export interface Fresh {
  body: unknown;
  /** The validator; the body's hash when absent. */
  etag?: string;
}

/** The 304 of a read served through cachedRead, for its route's `response`. */
export const NotModified = NoBody('Not modified: the If-None-Match ETag is still current');

const hashEtag = (body: string) => `"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`;

/** Bounded cache keys, whatever the query string. */
export function cacheKey(kind: string, parts: unknown): string {
  return `${kind}:${createHash('sha1').update(JSON.stringify(parts)).digest('base64url')}`;
}

/**
 * Serves a public read: from the read cache when it can, from `compute` otherwise (and keeps
 * the result). Sends the ETag and Cache-Control, and answers 304 to a matching If-None-Match.
 * Managers' reads (which may show drafts) bypass the shared cache and are never stored by others.
 * `compute` of a public read is told the cache's generation seen before it reads the database
 * (`''` when there is none), to keep what it derives under it.
 */
export async function cachedRead(
  deps: CatalogDeps,
  req: FastifyRequest,
  reply: FastifyReply,
  key: string,
  compute: (opts: { manager: boolean; generation?: string }) => Promise<Fresh>,
): Promise<FastifyReply> {
  const manager = can(req.identity, 'catalog:read:unpublished');
  let entry: CachedResponse | null = null;
  if (manager) {
    const fresh = await compute({ manager });
    const body = JSON.stringify(fresh.body);
    entry = { body, etag: fresh.etag ?? hashEtag(body) };
    reply.header('cache-control', 'private, no-store');
  } else {
    const cached = await deps.cache.get(key);
    entry = cached.entry;
    reply.header('x-cache', entry ? 'hit' : 'miss');
    if (!entry) {
      const fresh = await compute({ manager, generation: cached.token });
      const body = JSON.stringify(fresh.body);
      entry = { body, etag: fresh.etag ?? hashEtag(body) };
      await deps.cache.set(key, cached.token, entry);
    }
    // The same answer by its exact URL, for the fast path to serve next time without routing.
    const byUrl = req.headers.authorization === undefined ? urlKey(req.raw.url) : null;
    if (byUrl) await deps.cache.set(byUrl, cached.token, entry);
    reply.header('cache-control', `public, max-age=${deps.config.httpMaxAge}`);
  }
  reply.header('etag', entry.etag);
  reply.header('vary', 'Authorization');
  if (ifNoneMatchHolds(req.headers['if-none-match'], entry.etag)) return reply.code(304).send();
  return reply.type('application/json; charset=utf-8').send(entry.body);
}
