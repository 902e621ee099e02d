import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { loadConfig } from '../config/config.js';
import { Unauthorized, UpstreamError } from '../errors.js';
import type { Logger } from '../logger.js';
import { JwksCache, JwksUnavailable } from './jwks-cache.js';
import { JwtError, readJwtKid, verifyJwt, type AccessClaims } from './jwt-verify.js';
import { SessionGenerations, sessionGenerationsUrl } from './session-generations.js';

/** Who made a request, as its verified access token says. */
export interface Identity {
  userId: string;
  roles: readonly string[];
  /** Seconds since the epoch at which the token expires. */
  expiresAt: number;
}

export interface AccessTokenSettings {
  jwksUrl: string;
  issuer: string;
  audience: string;
}

export const DEFAULT_AUTH_JWKS_URL = 'http://127.0.0.1:8081/.well-known/jwks.json';

const authConfigSchema = Type.Object(
  {
    AUTH_JWKS_URL: Type.String({ pattern: '^https?://', maxLength: 2048, default: DEFAULT_AUTH_JWKS_URL, description: "the auth service's JWKS URL" }),
    AUTH_ISSUER: Type.String({ minLength: 1, maxLength: 256, default: 'mercato', description: 'the `iss` access tokens must carry' }),
    AUTH_AUDIENCE: Type.String({ minLength: 1, maxLength: 256, default: 'mercato-api', description: 'the `aud` access tokens must carry' }),
  },
  { additionalProperties: true },
);

/** `AUTH_JWKS_URL`, `AUTH_ISSUER`, `AUTH_AUDIENCE`, with their defaults. */
export function loadAccessTokenSettings(env: NodeJS.ProcessEnv = process.env): AccessTokenSettings {
  const c = loadConfig(authConfigSchema, env) as { AUTH_JWKS_URL: string; AUTH_ISSUER: string; AUTH_AUDIENCE: string };
  return { jwksUrl: c.AUTH_JWKS_URL, issuer: c.AUTH_ISSUER, audience: c.AUTH_AUDIENCE };
}

/** Why a token was refused; `unavailable` when no key could be fetched to check it. */
export type TokenRefusal = { reason: JwtError['code'] | 'unavailable'; message: string };

export interface TokenVerifierOptions {
  jwks: JwksCache;
  issuer: string;
  audience: string;
  leewayS?: number;
  /** The users' session generations: a token of an older one (revoked by a password reset) is refused. */
  generations?: SessionGenerations;
}

/**
 * Verifies an access token against the JWKS: the header (algorithm pinned) is checked before
 * any key is looked up or fetched. Resolves to the claims; rejects with a JwtError or JwksUnavailable.
 */
export async function verifyAccessToken(token: string, opts: TokenVerifierOptions): Promise<AccessClaims> {
  const kid = readJwtKid(token);
  const key = opts.jwks.peek(kid) ?? (await opts.jwks.keyFor(kid));
  return verifyJwt(token, { keyFor: () => key, issuer: opts.issuer, audience: opts.audience, leewayS: opts.leewayS });
}

/** The token of an `Authorization: Bearer <token>` header; undefined when absent, null when malformed. */
export function bearerToken(header: string | string[] | undefined): string | undefined | null {
  if (header === undefined) return undefined;
  if (Array.isArray(header)) return null;
  const m = /^Bearer +([A-Za-z0-9._~+/-]+=*) *$/i.exec(header);
  return m ? m[1]! : null;
}

export interface Authenticator {
  /** The caller's identity; throws Unauthorized (401, `WWW-Authenticate: Bearer`) when there is none or it does not verify. Routes use the guards (`guards.ts`). */
  authenticate(req: FastifyRequest): Promise<Identity>;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the route's guard (see `guards.ts`). */
    identity?: Identity;
  }
}

export interface AuthenticatorOptions {
  settings?: AccessTokenSettings;
  logger?: Logger;
  /** A shared cache (else one is made on first use). */
  jwks?: JwksCache;
  /** Shared session generations (else read next to the JWKS, see SessionGenerations). */
  generations?: SessionGenerations;
  leewayS?: number;
}

const CHALLENGE = 'Bearer realm="mercato"';

/**
 * The claims of an `Authorization: Bearer` header, checked by `verify`; the 401 (or 503 when no
 * key can be fetched) every service answers when there is no token or it does not verify. The
 * authenticator below uses it, and so does auth for the routes it guards with its own keys.
 */
export async function bearerClaims(authorization: string | string[] | undefined, verify: (token: string) => Promise<AccessClaims>): Promise<AccessClaims> {
  const token = bearerToken(authorization);
  if (token === undefined) throw new Unauthorized('Authentication is required', CHALLENGE);
  if (token === null) throw new Unauthorized('The Authorization header is not a bearer token', `${CHALLENGE}, error="invalid_request"`);
  try {
    return await verify(token);
  } catch (err) {
    if (err instanceof JwksUnavailable) throw new UpstreamError(503, 'auth_unavailable', 'The access token cannot be checked right now');
    if (err instanceof JwtError) {
      const detail = err.code === 'expired' ? 'The access token has expired' : 'The access token is invalid';
      throw new Unauthorized(detail, `${CHALLENGE}, error="invalid_token"`);
    }
    throw err;
  }
}

/** The 401 for a token of an older session generation (revoked by a password reset or change). */
export function revokedToken(): Unauthorized {
  return new Unauthorized('The access token was revoked; sign in again', `${CHALLENGE}, error="invalid_token"`);
}

/**
 * Per-route authentication for a service. Nothing is fetched until the first request that
 * needs a login: a service that never authenticates never reads the JWKS.
 */
export function createAuthenticator(opts: AuthenticatorOptions = {}): Authenticator {
  let verifier: TokenVerifierOptions | undefined;
  const lazy = (): TokenVerifierOptions => {
    if (!verifier) {
      const s = opts.settings ?? loadAccessTokenSettings();
      verifier = {
        jwks: opts.jwks ?? new JwksCache({ url: s.jwksUrl, logger: opts.logger }),
        generations: opts.generations ?? new SessionGenerations({ url: sessionGenerationsUrl(s.jwksUrl), logger: opts.logger }),
        issuer: s.issuer,
        audience: s.audience,
        leewayS: opts.leewayS,
      };
    }
    return verifier;
  };
  async function authenticate(req: FastifyRequest): Promise<Identity> {
    const verifier = lazy();
    const claims = await bearerClaims(req.headers.authorization, (token) => verifyAccessToken(token, verifier));
    if (await verifier.generations?.revoked(claims.sub, claims.sgen)) throw revokedToken();
    return { userId: claims.sub, roles: claims.roles, expiresAt: claims.exp };
  }
  return { authenticate };
}

let defaultAuthenticator: Authenticator | undefined;

/** `createAuthenticator()` on the process environment, made on first call. */
export function authenticate(req: FastifyRequest): Promise<Identity> {
  defaultAuthenticator ??= createAuthenticator();
  return defaultAuthenticator.authenticate(req);
}

/**
 * Who is calling: the identity the route's guard (`requires`, `signedIn`, `optionalIdentity`) verified
 * from the access token. The one place route handlers learn it; 401 if the route has none.
 */
export function callerOf(req: FastifyRequest): Identity {
  if (!req.identity) throw new Unauthorized('Authentication is required', CHALLENGE);
  return req.identity;
}
