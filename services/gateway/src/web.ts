import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { connect, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { requestIdFrom, outgoingTraceparent, type Logger } from '@mercato/chassis';
import { Pool, type Dispatcher } from 'undici';
import { downstreamResponseHeaders, upstreamRequestHeaders } from './proxy-headers.js';
import { API_PREFIX, FIXED_ROUTES } from './routes.js';

// One origin for the shop: the gateway serves the API under /api/v1 and hands every other path
// to the web app (the storefront, and the back office under /admin), so the browser sees one
// site, its cookies are first-party and it needs no CORS. For shops that host their own front
// end elsewhere, the API answers CORS for the origins an operator lists, and for no other.

/** Paths the gateway answers itself (health, the API reference); every other non-API path is the web app's. */
const OWN_PATHS = new Set(['/healthz', '/readyz', '/openapi.json', '/docs']);

/** Whether a path belongs to the web app: not the API, not a route of the gateway's own. */
export function isWebPath(path: string): boolean {
  if (path === API_PREFIX || path.startsWith(`${API_PREFIX}/`) || path.startsWith('/api/')) return false;
  if (OWN_PATHS.has(path) || path.startsWith('/docs/')) return false;
  return !Object.hasOwn(FIXED_ROUTES, path);
}

const isApiPath = (path: string) => path.startsWith(`${API_PREFIX}/`) || Object.hasOwn(FIXED_ROUTES, path);

/** What a cross-origin front end may send and read. */
const CORS_METHODS = 'GET, HEAD, POST, PUT, PATCH, DELETE';
const CORS_REQUEST_HEADERS = ['authorization', 'content-type', 'idempotency-key', 'if-match', 'if-none-match', 'prefer', 'x-request-id', 'x-order-token', 'traceparent'];
const CORS_EXPOSED = 'ETag, Location, Retry-After, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, X-Request-Id';
const CORS_MAX_AGE_S = '600';

/** The header a trusted front end (the web app) sends with its key, to have its X-Forwarded-For believed. */
export const FRONTEND_KEY_HEADER = 'x-mercato-frontend-key';

export interface WebFrontOptions {
  /** The web app's base URL; without it, non-API paths stay the gateway's 404. */
  webUrl: string | undefined;
  /** Origins (`https://shop.example`) whose browsers may call the API cross-origin. */
  corsOrigins: readonly string[];
  /** The key the web app proves itself with, so that its calls are limited per shopper, not as one client. */
  frontendKey: string | undefined;
  connectTimeoutMs: number;
  upstreamTimeoutMs: number;
  trustForwarded: boolean;
  /** The gateway serves HTTPS: the web app is told so (its cookies are then Secure). */
  https?: boolean;
  /** Told of every page answered (metrics), with a bounded route: the path's first segment. */
  onDone?: (method: string, route: string, upstream: 'web', status: number, seconds: number) => void;
  logger: Logger;
}

/** Same answer whatever the input's length: a key compared in constant time. */
function sameKey(given: string | string[] | undefined, key: Buffer): boolean {
  if (typeof given !== 'string') return false;
  const g = Buffer.from(given);
  return g.length === key.length && timingSafeEqual(g, key);
}

const FRIENDLY_503 = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>We will be right back</title><meta name="robots" content="noindex"></head><body style="font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;line-height:1.5"><h1>We will be right back</h1><p>The shop is not answering just now. Please try again in a moment.</p></body></html>`;

/**
 * CORS for listed origins, and the web app behind every non-API path. Hooked into the gateway's
 * server before the proxy: `cors` may answer a preflight; `handle` forwards a web path.
 */
export class WebFront {
  private readonly origins: ReadonlySet<string>;
  private readonly pool: Pool | undefined;
  private readonly key: Buffer | undefined;
  closing = false;

  constructor(private readonly opts: WebFrontOptions) {
    this.origins = new Set(opts.corsOrigins);
    this.key = opts.frontendKey ? Buffer.from(opts.frontendKey) : undefined;
    this.pool = opts.webUrl
      ? new Pool(opts.webUrl, { connections: 64, connect: { timeout: opts.connectTimeoutMs }, headersTimeout: opts.upstreamTimeoutMs, bodyTimeout: opts.upstreamTimeoutMs })
      : undefined;
  }

  /**
   * The client address of a request from the trusted front end (its key matches): the last
   * X-Forwarded-For entry it set from its own client. Undefined for anyone else.
   */
  forwardedClient(req: IncomingMessage): string | undefined {
    if (!this.key || !sameKey(req.headers[FRONTEND_KEY_HEADER], this.key)) return undefined;
    const xff = req.headers['x-forwarded-for'];
    if (typeof xff !== 'string' || xff.length === 0) return undefined;
    return xff.slice(xff.lastIndexOf(',') + 1).trim() || undefined;
  }

  /**
   * Adds CORS headers to an API answer for a listed origin, and answers its preflight (204).
   * True when the request has been answered.
   */
  cors(req: IncomingMessage, res: ServerResponse): boolean {
    const origin = req.headers.origin;
    if (typeof origin !== 'string' || !this.origins.has(origin)) return false;
    const path = (req.url ?? '/').split('?')[0]!;
    if (!isApiPath(path)) return false;
    res.setHeader('access-control-allow-origin', origin);
    res.setHeader('vary', 'Origin');
    const requested = req.headers['access-control-request-method'];
    if (req.method === 'OPTIONS' && typeof requested === 'string') {
      const asked = String(req.headers['access-control-request-headers'] ?? '')
        .split(',')
        .map((h) => h.trim().toLowerCase())
        .filter((h) => CORS_REQUEST_HEADERS.includes(h));
      res.writeHead(204, {
        'access-control-allow-methods': CORS_METHODS,
        'access-control-allow-headers': (asked.length > 0 ? asked : CORS_REQUEST_HEADERS).join(', '),
        'access-control-max-age': CORS_MAX_AGE_S,
        vary: 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers',
        'content-length': '0',
      });
      res.end();
      return true;
    }
    res.setHeader('access-control-expose-headers', CORS_EXPOSED);
    return false;
  }

  /** Forwards a web path to the web app; false for any other request (or when there is no web app). */
  handle(req: IncomingMessage, res: ServerResponse): boolean {
    if (!this.pool) return false;
    const url = req.url ?? '/';
    if (!isWebPath(url.split('?')[0]!)) return false;
    const id = requestIdFrom(req.headers['x-request-id']);
    const trace = req.headers.traceparent;
    const headers = upstreamRequestHeaders(req.headers, {
      clientIp: req.socket.remoteAddress ?? '',
      protocol: this.opts.https ? 'https' : 'http',
      traceparent: outgoingTraceparent(typeof trace === 'string' ? trace : undefined),
      requestId: id,
      trustForwarded: this.opts.trustForwarded,
    });
    // The key is for the web app to send, never to receive from a client.
    delete headers[FRONTEND_KEY_HEADER];
    const withBody = req.method !== 'GET' && req.method !== 'HEAD';
    const started = performance.now();
    if (this.opts.onDone) {
      const route = `/${url.split(/[/?]/, 2)[1] ?? ''}`;
      res.once('finish', () => this.opts.onDone!(req.method ?? 'GET', route, 'web', res.statusCode, (performance.now() - started) / 1000));
    }
    this.pool.request(
      { path: url, method: req.method as Dispatcher.HttpMethod, headers, body: withBody ? req : null },
      (err, data) => {
        if (err) {
          if (!res.headersSent) {
            this.opts.logger.warn({ err, upstream: 'web' }, 'web app unreachable');
            res.writeHead(503, { 'content-type': 'text/html; charset=utf-8', 'retry-after': '5', 'cache-control': 'no-store', 'x-request-id': id });
            res.end(req.method === 'HEAD' ? undefined : FRIENDLY_503);
          } else res.destroy();
          return;
        }
        const head = downstreamResponseHeaders(data.headers, { 'x-request-id': id });
        if (this.closing) head.connection = 'close';
        res.writeHead(data.statusCode, head);
        data.body.on('error', () => res.destroy());
        res.on('close', () => {
          if (!res.writableFinished) data.body.destroy();
        });
        data.body.pipe(res);
      },
    );
    return true;
  }

  /**
   * Passes a WebSocket upgrade on a web path through to the web app (the development server's hot
   * reload); false for any other upgrade, which the caller refuses.
   */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    if (!this.opts.webUrl || this.closing || !isWebPath((req.url ?? '/').split('?')[0]!)) return false;
    const target = new URL(this.opts.webUrl);
    const upstream: Socket = connect(Number(target.port || 80), target.hostname, () => {
      const lines = [`${req.method} ${req.url} HTTP/1.1`];
      for (let i = 0; i < req.rawHeaders.length; i += 2) {
        if (req.rawHeaders[i]!.toLowerCase() !== FRONTEND_KEY_HEADER) lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
      }
      upstream.write(`${lines.join('\r\n')}\r\n\r\n`);
      if (head.length > 0) upstream.write(head);
      upstream.pipe(socket).pipe(upstream);
    });
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
    return true;
  }

  async close(): Promise<void> {
    await this.pool?.close();
  }
}
