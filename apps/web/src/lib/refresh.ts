import { apiBase, frontendKey } from './runtime';
import type { Tokens } from './session';

// The refresh of a session, used by the middleware before a page renders. Several requests of
// one shopper (a page and its assets, two tabs) may arrive with the same refresh token at once;
// refresh tokens are single-use and a reuse revokes the family, so they share one call and its
// answer for a short while.

const inFlight = new Map<string, { at: number; result: Promise<RefreshOutcome> }>();
const SHARE_MS = 30_000;

export function refreshTokens(refreshToken: string, clientIp: string | undefined): Promise<RefreshOutcome> {
  const now = Date.now();
  for (const [k, v] of inFlight) if (now - v.at > SHARE_MS) inFlight.delete(k);
  const hit = inFlight.get(refreshToken);
  if (hit) return hit.result;
  const result = callRefresh(refreshToken, clientIp);
  inFlight.set(refreshToken, { at: now, result });
  return result;
}

async function callRefresh(refreshToken: string, clientIp: string | undefined): Promise<RefreshOutcome> {
  const base = apiBase();
  if (!base) return 'unavailable';
  const key = frontendKey();
  const res = await fetch(`${base}/api/v1/auth/refresh`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(key && clientIp ? { 'x-mercato-frontend-key': key, 'x-forwarded-for': clientIp } : {}),
    },
    body: JSON.stringify({ refreshToken }),
  }).catch(() => undefined);
  if (!res) return 'unavailable';
  if (res.status === 400 || res.status === 401) return 'refused';
  if (!res.ok) return 'unavailable';
  return (await res.json()) as Tokens;
}

/** New tokens; `refused` when the session is over; `unavailable` when auth did not answer (the session is kept). */
export type RefreshOutcome = Tokens | 'refused' | 'unavailable';
