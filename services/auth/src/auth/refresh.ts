import { credentialsStore } from '../credentials/credentials.store.js';
import type { AuthDeps } from '../deps.js';
import { refreshTokensStore as tokens } from '../sessions/refresh-tokens.store.js';
import { hashRefreshToken, successorOf } from '../sessions/refresh-token.js';
import { InvalidRefreshToken } from './auth.errors.js';
import { issueTokens, signAccessToken, type TokenPair } from './issue-tokens.js';

/**
 * Rotates a refresh token: the presented one is marked used and its successor issued in the
 * same family. A used token presented again means it was stolen (or replayed): the whole family
 * is revoked, so the thief's and the owner's newest tokens both stop working.
 *
 * Except just after its use: two refreshes of one token sent together (two tabs, a retry after
 * a lost answer) both get the same successor, for `AUTH_REFRESH_REUSE_GRACE_S`, as long as that
 * successor is unused — as OAuth servers allow. No second branch of the family is made: the
 * successor is derived from the token (see `successorOf`), so it can be handed out again.
 */
export async function refresh(deps: AuthDeps, refreshToken: string): Promise<TokenPair> {
  const graceS = deps.config.refreshReuseGraceS;
  const successor = successorOf(refreshToken, deps.refreshSuccessorKey);
  const outcome = await deps.db.tx(async (tx) => {
    const row = await tokens.byHashForUpdate(tx, hashRefreshToken(refreshToken), graceS);
    if (!row || row.revoked_at) return undefined;
    if (row.used_at) {
      const next = row.in_grace ? await tokens.byHashForUpdate(tx, hashRefreshToken(successor)) : undefined;
      if (next && next.family_id === row.family_id && !next.used_at && !next.revoked_at && !next.expired) {
        const user = await credentialsStore.byId(tx, row.user_id);
        if (!user) return undefined;
        return { accessToken: await signAccessToken(deps, user), refreshToken: successor, expiresIn: deps.config.accessTokenTtlS, tokenType: 'Bearer' as const };
      }
      await tokens.revokeFamily(tx, row.family_id);
      deps.logger.warn({ familyId: row.family_id, userId: row.user_id }, 'refresh token reused: family revoked');
      return undefined;
    }
    if (row.expired) return undefined;
    const user = await credentialsStore.byId(tx, row.user_id);
    if (!user) return undefined;
    await tokens.markUsed(tx, row.id);
    return issueTokens(deps, tx, user, row.family_id, successor);
  });
  // Thrown after the commit, so a revocation is kept.
  if (!outcome) throw new InvalidRefreshToken();
  return outcome;
}
