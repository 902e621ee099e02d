import type { ServiceName } from '@mercato/chassis';

/** Every service behind the gateway. */
export type UpstreamName = Exclude<ServiceName, 'gateway'>;

export const UPSTREAMS: readonly UpstreamName[] = ['auth', 'user', 'catalog', 'inventory', 'order', 'payment', 'review', 'notification'];

export const API_PREFIX = '/api/v1';

/**
 * The public route table (DESIGN.md): the first path segment after /api/v1 names the owning
 * service, which serves the same path without the prefix.
 */
export const SEGMENTS: Readonly<Record<string, UpstreamName>> = {
  auth: 'auth',
  users: 'user',
  products: 'catalog',
  categories: 'catalog',
  media: 'catalog',
  inventory: 'inventory',
  carts: 'order',
  checkout: 'order',
  orders: 'order',
  payments: 'payment',
  reviews: 'review',
  notifications: 'notification',
};

/** Public paths outside /api/v1, served by a service at the same path. */
export const FIXED_ROUTES: Readonly<Record<string, UpstreamName>> = {
  '/.well-known/jwks.json': 'auth',
};

/** The methods a proxied route takes (any other is answered 405 with these in `Allow`), sorted. */
export const PROXY_METHODS: readonly string[] = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT'];
/** The fixed routes are read-only. */
export const FIXED_ROUTE_METHODS: readonly string[] = ['GET', 'HEAD'];

export interface RouteTarget {
  service: UpstreamName;
  /** The class of routes it belongs to, with a circuit breaker of its own: its public segment. */
  routeClass: string;
  /** The path and query string the service is asked for. */
  path: string;
}

/** The route class of the fixed routes. */
const FIXED_CLASS = 'well-known';

const DOT_PERCENT_BACKSLASH = /[.%\\]/;

export type Resolution = RouteTarget | { refused: 'not_found' | 'bad_path' };

/**
 * Maps a public URL (path and query, as received) to its service and upstream path. The path
 * is passed on byte for byte, so it is refused when a segment is, or decodes to, "." or "..":
 * an upstream that normalised it could be walked out of the routed prefix (e.g. to /ops).
 */
export function resolveRoute(url: string): Resolution {
  const q = url.indexOf('?');
  const path = q === -1 ? url : url.slice(0, q);
  const query = q === -1 ? '' : url.slice(q);
  const fixed = FIXED_ROUTES[path];
  if (fixed) return { service: fixed, routeClass: FIXED_CLASS, path: url };
  if (!path.startsWith(`${API_PREFIX}/`)) return { refused: 'not_found' };
  const rest = path.slice(API_PREFIX.length);
  const slash = rest.indexOf('/', 1);
  const first = slash === -1 ? rest.slice(1) : rest.slice(1, slash);
  const service = SEGMENTS[first];
  if (!service || !Object.hasOwn(SEGMENTS, first)) return { refused: 'not_found' };
  // Without a dot, a percent sign or a backslash no segment can be, or decode to, a refused one.
  if (!DOT_PERCENT_BACKSLASH.test(rest)) return { service, routeClass: first, path: `${rest}${query}` };
  for (const seg of rest.split('/').slice(1)) {
    let decoded = seg;
    if (seg.includes('%')) {
      try {
        decoded = decodeURIComponent(seg);
      } catch {
        return { refused: 'bad_path' };
      }
    }
    if (decoded === '.' || decoded === '..' || decoded.includes('/') || decoded.includes('\\')) return { refused: 'bad_path' };
  }
  return { service, routeClass: first, path: `${rest}${query}` };
}

/** The route classes of a service: its public segments, and the fixed routes it serves. */
export function routeClassesOf(service: UpstreamName): string[] {
  const classes = segmentsOf(service);
  if (Object.values(FIXED_ROUTES).includes(service)) classes.push(FIXED_CLASS);
  return classes;
}

/** The services that own at least one public segment, each with its segments. */
export function segmentsOf(service: UpstreamName): string[] {
  return Object.entries(SEGMENTS)
    .filter(([, s]) => s === service)
    .map(([seg]) => seg);
}

/** The methods allowed on a URL that resolveRoute routes (or refuses as a bad path). */
export function allowedMethods(url: string): readonly string[] {
  const q = url.indexOf('?');
  return Object.hasOwn(FIXED_ROUTES, q === -1 ? url : url.slice(0, q)) ? FIXED_ROUTE_METHODS : PROXY_METHODS;
}

/**
 * Routes that take files larger than an API body: an image upload (10 MB) and a catalog import
 * (20 MB). The gateway lets them through up to GATEWAY_UPLOAD_LIMIT_BYTES; the service applies its
 * own exact limit.
 */
export const UPLOAD_ROUTES: ReadonlySet<string> = new Set(['POST /media/images', 'POST /products/import']);

/** Whether `method` on the upstream `path` (with its query) is an upload route. */
export function isUpload(method: string, path: string): boolean {
  const q = path.indexOf('?');
  return UPLOAD_ROUTES.has(`${method} ${q === -1 ? path : path.slice(0, q)}`);
}
