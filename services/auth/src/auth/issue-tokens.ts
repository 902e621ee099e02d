import type { Queryable } from '@mercato/chassis';
import { newId } from '@mercato/contracts';
import type { AuthDeps } from '../deps.js';
import { refreshTokensStore } from '../sessions/refresh-tokens.store.js';
import { hashRefreshToken, newRefreshToken } from '../sessions/refresh-token.js';
import { signJwt } from '../tokens/jwt.js';

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  tokenType: 'Bearer';
}

type TokenUser = { userId: string; roles: string[]; sessionGeneration?: number };

/** A signed access token for `user`, in their current session generation. */
export async function signAccessToken(deps: Pick<AuthDeps, 'config' | 'keys'>, user: TokenUser): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return signJwt(
    {
      iss: deps.config.issuer,
      aud: deps.config.audience,
      sub: user.userId,
      roles: user.roles,
      iat: now,
      exp: now + deps.config.accessTokenTtlS,
      jti: newId('jti'),
      sgen: user.sessionGeneration ?? 0,
    },
    await deps.keys.signingKey(),
  );
}

/**
 * A signed access token and a new refresh token of `familyId` (a new family when absent).
 * `refreshToken` is the value to store (a rotation passes the successor it derived).
 */
export async function issueTokens(
  deps: Pick<AuthDeps, 'config' | 'keys'>,
  tx: Queryable,
  user: TokenUser,
  familyId: string = newId('rtfam'),
  refreshToken: string = newRefreshToken(),
): Promise<TokenPair> {
  await refreshTokensStore.insert(tx, {
    id: newId('rtk'),
    familyId,
    userId: user.userId,
    tokenHash: hashRefreshToken(refreshToken),
    ttlS: deps.config.refreshTokenTtlS,
  });
  return { accessToken: await signAccessToken(deps, user), refreshToken, expiresIn: deps.config.accessTokenTtlS, tokenType: 'Bearer' };
}
