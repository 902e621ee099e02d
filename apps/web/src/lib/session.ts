import { cookies, headers } from 'next/headers';
import { apiBase, frontendKey } from './runtime';
import { ACCESS_COOKIE, claimsOf, REFRESH_COOKIE, type TokenClaims } from './session-cookies';

// Session handling on the server side: tokens from the auth service go into HttpOnly cookies,
// are refreshed before they expire (src/middleware.ts), and are revoked on sign-out.

export interface Tokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

/** How long the refresh-token cookie lives (the auth service's default refresh lifetime). */
const REFRESH_MAX_AGE_S = 30 * 24 * 3600;

/** Whether the shopper reached the shop over HTTPS (then every cookie is Secure). */
export async function overHttps(): Promise<boolean> {
  return (await headers()).get('x-forwarded-proto') === 'https';
}

export function cookieOptions(secure: boolean, maxAge?: number, path = '/') {
  return { httpOnly: true, sameSite: 'lax' as const, secure, path, ...(maxAge !== undefined ? { maxAge } : {}) };
}

/** Stores a fresh pair of tokens in the session cookies. */
export async function saveTokens(tokens: Tokens): Promise<void> {
  const jar = await cookies();
  const secure = await overHttps();
  jar.set(ACCESS_COOKIE, tokens.accessToken, cookieOptions(secure, tokens.expiresIn));
  jar.set(REFRESH_COOKIE, tokens.refreshToken, cookieOptions(secure, REFRESH_MAX_AGE_S));
}

export async function clearTokens(): Promise<void> {
  const jar = await cookies();
  jar.delete(ACCESS_COOKIE);
  jar.delete(REFRESH_COOKIE);
}

/** The signed-in shopper (from their own, unexpired access token), or undefined for a guest. */
export async function currentUser(): Promise<TokenClaims | undefined> {
  const claims = claimsOf((await cookies()).get(ACCESS_COOKIE)?.value);
  return claims && claims.exp * 1000 > Date.now() ? claims : undefined;
}

/** Revokes the refresh token's family at the auth service, then forgets the session. */
export async function signOutEverywhere(): Promise<void> {
  const rt = (await cookies()).get(REFRESH_COOKIE)?.value;
  const base = apiBase();
  if (rt && base) {
    const key = frontendKey();
    await fetch(`${base}/api/v1/auth/logout`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(key ? { 'x-mercato-frontend-key': key } : {}) },
      body: JSON.stringify({ refreshToken: rt }),
    }).catch(() => undefined);
  }
  await clearTokens();
}
