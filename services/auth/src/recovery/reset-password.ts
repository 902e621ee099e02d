import { InvalidData } from '@mercato/chassis';
import { credentialsStore } from '../credentials/credentials.store.js';
import type { AuthDeps } from '../deps.js';
import { hashPassword } from '../passwords/password-hasher.js';
import { passwordErrors } from '../passwords/password-policy.js';
import { refreshTokensStore } from '../sessions/refresh-tokens.store.js';
import { limitRequest } from '../throttle/request-limits.js';
import { hashOneTimeToken } from './one-time-token.js';
import { oneTimeTokensStore as tokens } from './one-time-tokens.store.js';
import { InvalidOneTimeToken } from './recovery.errors.js';

/**
 * Sets a new password with an emailed reset token. In one transaction: the token is used, and
 * so is every other reset token of the account (an older link must not work after a newer one
 * did), the hash is replaced, every refresh-token family of the user revoked, and the session
 * generation moved on, which revokes the access tokens already issued (the gateway and the
 * services refuse them within seconds). A reset signs out everywhere, including whoever knew
 * the old password; PasswordChanged tells the owner by email. Limited per address and per
 * account before any hashing.
 */
export async function resetPassword(
  deps: Pick<AuthDeps, 'db' | 'outbox' | 'scrypt' | 'config' | 'hashGate'>,
  input: { token: string; password: string; ip: string },
): Promise<void> {
  await limitRequest(deps.db, deps.config.limits, 'recovery', { ip: input.ip });
  const tokenHash = hashOneTimeToken(input.token);
  // Check first, so the policy can compare with the email and the slow hash runs outside the transaction.
  const userId = await tokens.peek(deps.db, tokenHash, 'password_reset');
  const user = userId ? await credentialsStore.byId(deps.db, userId) : undefined;
  if (!user) throw new InvalidOneTimeToken();
  await limitRequest(deps.db, deps.config.limits, 'recovery', { account: user.userId });
  const errors = passwordErrors(input.password, user.email);
  if (errors.length > 0) throw new InvalidData(`The password ${errors[0]!.message}`, errors);
  const passwordHash = await deps.hashGate.run('other', () => hashPassword(input.password, deps.scrypt));
  const done = await deps.db.tx(async (tx) => {
    // Used concurrently, or expired while we hashed: only one consumer wins.
    if ((await tokens.consume(tx, tokenHash, 'password_reset')) !== user.userId) return false;
    await tokens.useAll(tx, user.userId, 'password_reset');
    await credentialsStore.setPasswordHash(tx, user.userId, passwordHash);
    await credentialsStore.nextSessionGeneration(tx, user.userId);
    await refreshTokensStore.revokeUser(tx, user.userId);
    await deps.outbox.emit(tx, 'PasswordChanged', { userId: user.userId, email: user.email, name: user.name, via: 'reset', changedAt: new Date().toISOString() }, user.userId);
    return true;
  });
  if (!done) throw new InvalidOneTimeToken();
}
