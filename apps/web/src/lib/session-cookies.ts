// The cookies of a session. Every one is HttpOnly, SameSite=Lax, Secure over HTTPS, and set
// only by the web app's server side: no token is ever readable by a script or put in a URL.

/** The access token (a short-lived JWT), for as long as it is valid. */
export const ACCESS_COOKIE = 'mercato_at';
/** The refresh token (opaque, rotated on each use). */
export const REFRESH_COOKIE = 'mercato_rt';
/** The shopper's cart id: for a guest, the capability that opens the cart. */
export const CART_COOKIE = 'mercato_cart';
/** The chosen currency (not secret; HttpOnly all the same, the server reads it). */
export const CURRENCY_COOKIE = 'mercato_currency';
/** The country shipping and tax are computed for. */
export const COUNTRY_COOKIE = 'mercato_country';
/** The Idempotency-Key of the checkout in progress, kept until the order exists. */
export const CHECKOUT_KEY_COOKIE = 'mercato_checkout';
/** Guest orders' access tokens, one cookie per order, scoped to its page. */
export const orderCookie = (orderId: string) => `mercato_order_${orderId.replace(/[^A-Za-z0-9_]/g, '')}`;

/** Seconds a refresh happens before the access token would expire. */
export const REFRESH_AHEAD_S = 60;

/** The claims the web app reads from its own access token (verified by every service, not here). */
export interface TokenClaims {
  sub: string;
  roles: string[];
  exp: number;
}

/** The payload of a JWT, unverified: only to know who is signed in and when to refresh. */
export function claimsOf(jwt: string | undefined): TokenClaims | undefined {
  if (!jwt) return undefined;
  const part = jwt.split('.')[1];
  if (!part) return undefined;
  try {
    const json = JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Partial<TokenClaims>;
    if (typeof json.sub !== 'string' || typeof json.exp !== 'number') return undefined;
    return { sub: json.sub, exp: json.exp, roles: Array.isArray(json.roles) ? json.roles.filter((r): r is string => typeof r === 'string') : [] };
  } catch {
    return undefined;
  }
}

/** Where a session the API refused goes: the sign-in page, told to forget the session (see the middleware). */
export const SESSION_ENDED_PATH = '/account/sign-in?ended=1';
