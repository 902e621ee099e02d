import { credentialsStore, normaliseEmail } from '../credentials/credentials.store.js';
import type { AuthDeps } from '../deps.js';
import { hashPassword, needsRehash, verifyPassword } from '../passwords/password-hasher.js';
import { InvalidCredentials } from './auth.errors.js';
import { issueTokens, type TokenPair } from './issue-tokens.js';

/**
 * Signs in with email and password. An unknown email costs the same hash as a wrong password,
 * and both answer the same error, so neither the answer nor its timing tells which was wrong.
 */
export async function login(deps: AuthDeps, input: { email: string; password: string }): Promise<TokenPair> {
  const user = await credentialsStore.byEmail(deps.db, normaliseEmail(input.email));
  const ok = await verifyPassword(input.password, user?.passwordHash ?? deps.dummyHash);
  if (!user || !ok) throw new InvalidCredentials();
  if (needsRehash(user.passwordHash, deps.scrypt)) {
    // Parameters were raised since this hash was made: upgrade it while we hold the password.
    await credentialsStore.setPasswordHash(deps.db, user.userId, await hashPassword(input.password, deps.scrypt));
  }
  return deps.db.tx((tx) => issueTokens(deps, tx, user));
}
