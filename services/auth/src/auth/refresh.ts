import { credentialsStore } from '../credentials/credentials.store.js';
import type { AuthDeps } from '../deps.js';
import { refreshTokensStore as tokens } from '../sessions/refresh-tokens.store.js';
import { hashRefreshToken } from '../sessions/refresh-token.js';
import { InvalidRefreshToken } from './auth.errors.js';
import { issueTokens, type TokenPair } from './issue-tokens.js';

/**
 * Rotates a refresh token: the presented one is marked used and a new pair is issued in the
 * same family. A used token presented again means it was stolen (or replayed): the whole
 * family is revoked, so the thief's and the owner's newest tokens both stop working.
 */
export async function refresh(deps: AuthDeps, refreshToken: string): Promise<TokenPair> {
  const outcome = await deps.db.tx(async (tx) => {
    const row = await tokens.byHashForUpdate(tx, hashRefreshToken(refreshToken));
    if (!row || row.revoked_at) return undefined;
    if (row.used_at) {
      await tokens.revokeFamily(tx, row.family_id);
      deps.logger.warn({ familyId: row.family_id, userId: row.user_id }, 'refresh token reused: family revoked');
      return undefined;
    }
    if (row.expires_at.getTime() <= Date.now()) return undefined;
    const user = await credentialsStore.byId(tx, row.user_id);
    if (!user) return undefined;
    await tokens.markUsed(tx, row.id);
    return issueTokens(deps, tx, user, row.family_id);
  });
  // Thrown after the commit, so a revocation is kept.
  if (!outcome) throw new InvalidRefreshToken();
  return outcome;
}
