import { credentialsStore, normaliseEmail } from '../credentials/credentials.store.js';
import type { AuthDeps } from '../deps.js';
import { hashPassword, needsRehash, verifyPassword } from '../passwords/password-hasher.js';
import { checkLoginAllowed, recordLoginFailure, recordLoginSuccess } from '../throttle/login-throttle.js';
import { InvalidCredentials } from './auth.errors.js';
import { issueTokens, type TokenPair } from './issue-tokens.js';

/**
 * Signs in with email and password. An unknown email costs the same hash as a wrong password,
 * and both answer the same error, so neither the answer nor its timing tells which was wrong.
 * Failures are counted per email (known or not) and per address; while either must wait, the
 * attempt is refused before the password is looked at.
 */
export async function login(deps: AuthDeps, input: { email: string; password: string; ip: string }): Promise<TokenPair> {
  const email = normaliseEmail(input.email);
  const throttle = deps.config.throttle;
  await checkLoginAllowed(deps.db, throttle, email, input.ip);
  const user = await credentialsStore.byEmail(deps.db, email);
  const stored = user?.passwordHash || (await deps.dummyHash);
  const ok = await deps.hashGate.run('sign-in', () => verifyPassword(input.password, stored));
  if (!user || !ok) {
    await recordLoginFailure(deps.db, throttle, email, input.ip);
    throw new InvalidCredentials();
  }
  if (needsRehash(user.passwordHash, deps.scrypt)) {
    // Parameters were raised since this hash was made: upgrade it while we hold the password.
    const upgraded = await deps.hashGate.run('sign-in', () => hashPassword(input.password, deps.scrypt));
    await credentialsStore.setPasswordHash(deps.db, user.userId, upgraded);
  }
  return deps.db.tx(async (tx) => {
    await recordLoginSuccess(tx, email);
    return issueTokens(deps, tx, user);
  });
}
