import { NextResponse, type NextRequest } from 'next/server';
import { refreshTokens } from './lib/refresh';
import { ACCESS_COOKIE, claimsOf, orderCookie, REFRESH_AHEAD_S, REFRESH_COOKIE } from './lib/session-cookies';

// Every page request passes here first:
// 1. a mutation (any method but GET/HEAD) whose Origin is not this site is refused (403);
// 2. a guest order link's `?token=` moves into an HttpOnly cookie and out of the URL;
// 3. a session whose access token expires within a minute is refreshed, on the server; one the
//    API refused (a page was sent to /account/sign-in?ended=1, or the back office's
//    /admin/sign-in?ended=1) is forgotten;
// 4. a strict Content-Security-Policy with a fresh nonce for the page's scripts.

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
const REFRESH_MAX_AGE_S = 30 * 24 * 3600;

function csp(nonce: string, https: boolean, dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? ' ws: wss:' : ''}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

/** The host the shopper used: the gateway's X-Forwarded-Host, else Host. */
function siteHost(req: NextRequest): string | null {
  return req.headers.get('x-forwarded-host') ?? req.headers.get('host');
}

export async function middleware(req: NextRequest): Promise<NextResponse> {
  const https = req.headers.get('x-forwarded-proto') === 'https';
  if (!SAFE.has(req.method)) {
    const origin = req.headers.get('origin');
    let same = false;
    try {
      same = origin !== null && new URL(origin).host === siteHost(req);
    } catch {
      same = false;
    }
    if (!same) return new NextResponse('Cross-site request refused', { status: 403, headers: { 'content-type': 'text/plain' } });
  }

  const { pathname, searchParams } = req.nextUrl;
  const orderMatch = /^\/orders\/([A-Za-z0-9_]{1,60})$/.exec(pathname);
  const orderToken = searchParams.get('token');
  if (orderMatch && orderToken && req.method === 'GET') {
    const clean = req.nextUrl.clone();
    clean.searchParams.delete('token');
    // To the host the shopper used (through the gateway), not the web server's own address.
    const res = NextResponse.redirect(new URL(`${clean.pathname}${clean.search}`, `${https ? 'https' : 'http'}://${siteHost(req) ?? req.nextUrl.host}`), 303);
    res.cookies.set(orderCookie(orderMatch[1]!), orderToken.slice(0, 200), { httpOnly: true, sameSite: 'lax', secure: https, path: pathname, maxAge: 90 * 24 * 3600 });
    return res;
  }

  const requestHeaders = new Headers(req.headers);
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
  const policy = csp(nonce, https, process.env.NODE_ENV === 'development');
  requestHeaders.set('content-security-policy', policy);
  requestHeaders.set('x-nonce', nonce);
  // The page's own path, for forms in the layout that come back to it (the currency switcher).
  requestHeaders.set('x-mercato-path', `${pathname}${req.nextUrl.search}`.slice(0, 2000));

  let refreshed: { accessToken: string; refreshToken: string; expiresIn: number } | undefined;
  let ended = false;
  const rt = req.cookies.get(REFRESH_COOKIE)?.value;
  if ((pathname === '/account/sign-in' || pathname === '/admin/sign-in') && searchParams.get('ended') === '1' && (rt || req.cookies.has(ACCESS_COOKIE))) {
    // Revoked elsewhere (a password change or reset): its refresh token is revoked too.
    ended = true;
  } else if (rt) {
    const claims = claimsOf(req.cookies.get(ACCESS_COOKIE)?.value);
    if (!claims || claims.exp - REFRESH_AHEAD_S <= Date.now() / 1000) {
      const outcome = await refreshTokens(rt, req.headers.get('x-forwarded-for')?.split(',').pop()?.trim());
      if (outcome === 'refused') ended = true;
      else if (outcome !== 'unavailable') refreshed = outcome;
    }
  }
  if (refreshed || ended) {
    // The page renders with the new session (or none), as the browser will have it.
    const jar = req.cookies;
    if (refreshed) {
      jar.set(ACCESS_COOKIE, refreshed.accessToken);
      jar.set(REFRESH_COOKIE, refreshed.refreshToken);
    } else {
      jar.delete(ACCESS_COOKIE);
      jar.delete(REFRESH_COOKIE);
    }
    requestHeaders.set('cookie', jar.toString());
  }

  const res = NextResponse.next({ request: { headers: requestHeaders } });
  res.headers.set('content-security-policy', policy);
  if (refreshed) {
    res.cookies.set(ACCESS_COOKIE, refreshed.accessToken, { httpOnly: true, sameSite: 'lax', secure: https, path: '/', maxAge: refreshed.expiresIn });
    res.cookies.set(REFRESH_COOKIE, refreshed.refreshToken, { httpOnly: true, sameSite: 'lax', secure: https, path: '/', maxAge: REFRESH_MAX_AGE_S });
  } else if (ended) {
    res.cookies.delete(ACCESS_COOKIE);
    res.cookies.delete(REFRESH_COOKIE);
  }
  return res;
}

export const config = {
  runtime: 'nodejs',
  // Pages only: not the build's static files, and not the static benchmark page.
  matcher: [{ source: '/((?!_next/static|_next/image|favicon.ico|icon.svg|static/).*)' }],
};
