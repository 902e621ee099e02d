import type { IncomingMessage, OutgoingHttpHeaders } from 'node:http';
import { bearerToken, JwksUnavailable, JwtError, readJwtKid, verifyAccessToken, verifyJwt, type JwksCache, type SessionGenerations } from '@mercato/chassis';
import type { RateDecision, RateLimiter } from './rate-limit.js';

/** The identity the gateway passes upstream, once the token verified. */
export interface EdgeIdentity {
  userId: string;
  roles: string;
}

/** Why a request is answered at the edge. */
export interface Refusal {
  status: number;
  code: string;
  title: string;
  detail: string;
  headers?: OutgoingHttpHeaders;
}

export type Admission = { identity?: EdgeIdentity; refusal?: Refusal };

const ANONYMOUS: Admission = Object.freeze({});
const CHALLENGE = 'Bearer realm="mercato", error="invalid_token"';

interface CachedToken {
  token: string;
  identity: EdgeIdentity;
  /** The session generation the token was signed in (see SessionGenerations). */
  sgen: number | undefined;
  expiresAt: number;
}

export interface EdgeGuardOptions {
  jwks: JwksCache;
  issuer: string;
  audience: string;
  limiter: RateLimiter;
  /** The users' session generations: a token revoked by a password reset is refused here. */
  generations?: SessionGenerations;
  /** Verified tokens kept (default 10 000). */
  cacheEntries?: number;
  /** Longest a verified token is kept, in ms (default 60 s); never past its `exp`. */
  cacheTtlMs?: number;
  now?: () => number;
}

export function tooMany(d: RateDecision): Refusal {
  return {
    status: 429,
    code: 'rate_limited',
    title: 'Too many requests',
    detail: `More than ${d.limit} requests in the window; try again in ${d.resetS} s`,
    headers: { 'retry-after': String(d.resetS), 'ratelimit-limit': String(d.limit), 'ratelimit-remaining': String(d.remaining), 'ratelimit-reset': String(d.resetS) },
  };
}

const unauthorized = (detail: string): Admission => ({
  refusal: { status: 401, code: 'unauthorized', title: 'Unauthorized', detail, headers: { 'www-authenticate': CHALLENGE } },
});

const isPromise = <T>(v: T | Promise<T>): v is Promise<T> => typeof (v as { then?: unknown } | undefined)?.then === 'function';

/**
 * What the gateway checks before a request goes upstream: the client's rate, then the access
 * token when there is one (answered here when it does not verify; the service verifies again),
 * then the user's rate. Anonymous requests on the in-memory store are decided synchronously.
 */
export class EdgeGuard {
  private readonly verified = new Map<string, CachedToken>();
  private readonly now: () => number;
  constructor(private readonly opts: EdgeGuardOptions) {
    this.now = opts.now ?? Date.now;
  }

  /** Whether requests are limited by client address (when not, `admit` needs none: pass ''). */
  get limitsClients(): boolean {
    return this.opts.limiter.limits('ip');
  }

  /**
   * `checkToken` is false for the auth service's own routes: signing in, refreshing and resetting
   * need no access token, and one that has just expired must not stand in the way of a refresh.
   */
  admit(req: IncomingMessage, clientIp: string, checkToken = true): Admission | Promise<Admission> {
    const d = this.opts.limiter.hit('ip', clientIp);
    if (isPromise(d)) return d.then((v) => this.afterIp(req, v, checkToken));
    return this.afterIp(req, d, checkToken);
  }

  private afterIp(req: IncomingMessage, d: RateDecision | undefined, checkToken: boolean): Admission | Promise<Admission> {
    if (d && !d.allowed) return { refusal: tooMany(d) };
    const header = req.headers.authorization;
    if (header === undefined || !checkToken) return ANONYMOUS;
    return this.authenticated(header);
  }

  private async authenticated(header: string): Promise<Admission> {
    const token = bearerToken(header);
    if (!token) return unauthorized('The Authorization header is not a bearer token');
    let verified: CachedToken;
    try {
      verified = this.cached(token) ?? (await this.verify(token));
    } catch (err) {
      if (err instanceof JwtError) return unauthorized(err.code === 'expired' ? 'The access token has expired' : 'The access token is invalid');
      if (err instanceof JwksUnavailable) {
        return { refusal: { status: 503, code: 'auth_unavailable', title: 'Service unavailable', detail: 'The access token cannot be checked right now', headers: { 'retry-after': '5' } } };
      }
      throw err;
    }
    const { identity } = verified;
    // Checked on every request, cached token or not: a reset revokes tokens already verified.
    if (await this.opts.generations?.revoked(identity.userId, verified.sgen)) return unauthorized('The access token was revoked; sign in again');
    const d = await this.opts.limiter.hit('user', identity.userId);
    if (d && !d.allowed) return { refusal: tooMany(d) };
    return { identity };
  }

  /** A token verified before, looked up by its signature and compared whole. */
  private cached(token: string): CachedToken | undefined {
    const sig = token.slice(token.lastIndexOf('.') + 1);
    const hit = this.verified.get(sig);
    if (!hit) return undefined;
    if (hit.token !== token || hit.expiresAt <= this.now()) return undefined;
    // Most recently used last: the oldest is evicted first.
    this.verified.delete(sig);
    this.verified.set(sig, hit);
    return hit;
  }

  private async verify(token: string): Promise<CachedToken> {
    const { jwks, issuer, audience } = this.opts;
    const key = jwks.peek(readJwtKid(token));
    const claims = key ? await verifyJwt(token, { keyFor: () => key, issuer, audience }) : await verifyAccessToken(token, { jwks, issuer, audience });
    const identity = { userId: claims.sub, roles: claims.roles.join(',') };
    const now = this.now();
    const entry: CachedToken = { token, identity, sgen: claims.sgen, expiresAt: Math.min(now + (this.opts.cacheTtlMs ?? 60_000), claims.exp * 1000) };
    if (entry.expiresAt > now) {
      const sig = token.slice(token.lastIndexOf('.') + 1);
      this.verified.delete(sig);
      this.verified.set(sig, entry);
      if (this.verified.size > (this.opts.cacheEntries ?? 10_000)) this.verified.delete(this.verified.keys().next().value!);
    }
    return entry;
  }

  /** Verified tokens held (for tests). */
  get cachedTokens(): number {
    return this.verified.size;
  }
}
