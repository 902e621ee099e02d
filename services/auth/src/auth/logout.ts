import type { AuthDeps } from '../deps.js';
import { refreshTokensStore as tokens } from '../sessions/refresh-tokens.store.js';
import { hashRefreshToken } from '../sessions/refresh-token.js';

/** Ends the session the refresh token belongs to: its whole family. Idempotent. */
export async function logout(deps: Pick<AuthDeps, 'db'>, refreshToken: string): Promise<void> {
  await deps.db.tx(async (tx) => {
    const row = await tokens.byHashForUpdate(tx, hashRefreshToken(refreshToken));
    if (row) await tokens.revokeFamily(tx, row.family_id);
  });
}
