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

/** A signed access token and a new refresh token of `familyId` (a new family when absent). */
export async function issueTokens(
  deps: Pick<AuthDeps, 'config' | 'keys'>,
  tx: Queryable,
  user: { userId: string; roles: string[] },
  familyId: string = newId('rtfam'),
): Promise<TokenPair> {
  const refreshToken = newRefreshToken();
  await refreshTokensStore.insert(tx, {
    id: newId('rtk'),
    familyId,
    userId: user.userId,
    tokenHash: hashRefreshToken(refreshToken),
    ttlS: deps.config.refreshTokenTtlS,
  });
  const now = Math.floor(Date.now() / 1000);
  const ttl = deps.config.accessTokenTtlS;
  const accessToken = await signJwt(
    { iss: deps.config.issuer, aud: deps.config.audience, sub: user.userId, roles: user.roles, iat: now, exp: now + ttl, jti: newId('jti') },
    await deps.keys.signingKey(),
  );
  return { accessToken, refreshToken, expiresIn: ttl, tokenType: 'Bearer' };
}
