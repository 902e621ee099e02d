import { incomingTraceparent, requestIdFrom, type FastPath } from '@mercato/chassis';
import type { SummaryCache } from '../summaries/summary-cache.js';

// Exactly `GET /reviews/summary?productId=<id>`: anything else goes through the routes.
const SUMMARY = /^\/reviews\/summary\?productId=([a-z]{2,8}_[0-9A-HJKMNP-TV-Z]{26})$/;
export const SUMMARY_MAX_AGE_S = 30;

/**
 * Answers a rating summary already in this replica's cache ahead of the framework: the same
 * bytes and headers as the routed answer, for the read every product page makes. A miss, or any
 * other form of the URL, goes to the route, which validates it and fills the cache.
 */
export function fastSummary(cache: SummaryCache): FastPath {
  return (req, res, next) => {
    const m = req.method === 'GET' ? SUMMARY.exec(req.url ?? '') : null;
    const hit = m ? cache.peek(m[1]!) : undefined;
    if (!hit) return next();
    const incoming = req.headers.traceparent;
    res
      .writeHead(200, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': Buffer.byteLength(hit.json),
        'cache-control': `public, max-age=${SUMMARY_MAX_AGE_S}`,
        'x-request-id': requestIdFrom(req.headers['x-request-id']),
        traceparent: incomingTraceparent(incoming),
      })
      .end(hit.json);
  };
}
