import { InvalidData } from '@mercato/chassis';
import { credentialsStore } from '../credentials/credentials.store.js';
import type { AuthDeps } from '../deps.js';
import { hashPassword } from '../passwords/password-hasher.js';
import { passwordErrors } from '../passwords/password-policy.js';
import { refreshTokensStore } from '../sessions/refresh-tokens.store.js';
import { hashOneTimeToken } from './one-time-token.js';
import { oneTimeTokensStore as tokens } from './one-time-tokens.store.js';
import { InvalidOneTimeToken } from './recovery.errors.js';

/**
 * Sets a new password with an emailed reset token. In one transaction: the token is used, the
 * hash replaced, and every refresh-token family of the user revoked (a reset signs out
 * everywhere, including whoever knew the old password).
 */
export async function resetPassword(deps: Pick<AuthDeps, 'db' | 'scrypt'>, input: { token: string; password: string }): Promise<void> {
  const tokenHash = hashOneTimeToken(input.token);
  // Check first, so the policy can compare with the email and the slow hash runs outside the transaction.
  const userId = await tokens.peek(deps.db, tokenHash, 'password_reset');
  const user = userId ? await credentialsStore.byId(deps.db, userId) : undefined;
  if (!user) throw new InvalidOneTimeToken();
  const errors = passwordErrors(input.password, user.email);
  if (errors.length > 0) throw new InvalidData(`The password ${errors[0]!.message}`, errors);
  const passwordHash = await hashPassword(input.password, deps.scrypt);
  const done = await deps.db.tx(async (tx) => {
    // Used concurrently, or expired while we hashed: only one consumer wins.
    if ((await tokens.consume(tx, tokenHash, 'password_reset')) !== user.userId) return false;
    await credentialsStore.setPasswordHash(tx, user.userId, passwordHash);
    await refreshTokensStore.revokeUser(tx, user.userId);
    return true;
  });
  if (!done) throw new InvalidOneTimeToken();
}
