import { incomingTraceparent, requestIdFrom, SECURITY_HEADERS, type FastPath } from '@mercato/chassis';
import type { CachedResponse, ReadCache } from '../cache/read-cache.js';
import { ifNoneMatchHolds } from '../products/etag.js';

// Anonymous reads of products, listings and the category tree, by their exact URL.
const PUBLIC_READ = /^\/(?:products(?:\/[^/?]+)?|categories)(?:\?|$)/;
const MAX_URL = 512;

/** The cache key of a public read by its exact request URL (path and query as sent). */
export function urlKey(url: string | undefined): string | null {
  return url && url.length <= MAX_URL && PUBLIC_READ.test(url) ? `url:${url}` : null;
}

/**
 * Serves an anonymous public read straight from the read cache, ahead of the framework, when the
 * same URL was answered before and no catalog write has happened since: the same bytes, ETag,
 * Cache-Control and 304 as the routed answer. Anything else (a miss, a token, another route)
 * goes to the routes, which fill the cache for the next time.
 */
export function fastReads(cache: ReadCache, maxAge: number): FastPath {
  const cacheControl = `public, max-age=${maxAge}`;
  return (req, res, next) => {
    const key = req.method === 'GET' && req.headers.authorization === undefined ? urlKey(req.url) : null;
    if (!key) return next();
    cache.get(key).then(
      ({ entry }) => (entry ? answer(entry) : next()),
      () => next(),
    );
    function answer(entry: CachedResponse): void {
      const incoming = req.headers.traceparent;
      const common = {
        ...SECURITY_HEADERS,
        etag: entry.etag,
        'cache-control': cacheControl,
        vary: 'Authorization',
        'x-cache': 'hit',
        'x-request-id': requestIdFrom(req.headers['x-request-id']),
        traceparent: incomingTraceparent(incoming),
      };
      if (ifNoneMatchHolds(req.headers['if-none-match'], entry.etag)) {
        res.writeHead(304, common).end();
        return;
      }
      res.writeHead(200, { ...common, 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(entry.body) }).end(entry.body);
    }
  };
}
