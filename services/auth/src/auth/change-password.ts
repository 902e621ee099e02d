import { bearerClaims, InvalidData, revokedToken } from '@mercato/chassis';
import { credentialsStore, type Credential } from '../credentials/credentials.store.js';
import type { AuthDeps } from '../deps.js';
import { hashPassword, verifyPassword } from '../passwords/password-hasher.js';
import { passwordErrors } from '../passwords/password-policy.js';
import { refreshTokensStore } from '../sessions/refresh-tokens.store.js';
import { checkLoginAllowed, recordLoginFailure, recordLoginSuccess } from '../throttle/login-throttle.js';
import { verifyJwt } from '../tokens/jwt.js';
import { WrongPassword } from './auth.errors.js';
import { issueTokens, type TokenPair } from './issue-tokens.js';

/**
 * The signed-in user behind `Authorization: Bearer`, checked by auth itself: its own published
 * keys, and the session generation read from its own table (a token older than the last reset
 * or change is refused at once, not within the seconds the other services take to learn it).
 */
export async function signedInUser(deps: Pick<AuthDeps, 'db' | 'keys' | 'config'>, authorization: string | string[] | undefined) {
  const claims = await bearerClaims(authorization, async (token) => verifyJwt(token, { keyFor: await deps.keys.publicKeys(), issuer: deps.config.issuer, audience: deps.config.audience }));
  const user = await credentialsStore.byId(deps.db, claims.sub);
  if (!user || (claims.sgen ?? 0) < user.sessionGeneration) throw revokedToken();
  return user;
}

/**
 * A signed-in user sets a new password by giving the current one. Wrong guesses count as failed
 * sign-ins of the account and address (a stolen access token must not become a way to find the
 * password), and are refused while those must wait. Then, in one transaction: the new hash, the
 * session generation moved on and every refresh-token family revoked — a change signs out every
 * other device, as a reset does — PasswordChanged (the owner is told by email), and a new session
 * for the caller, whose tokens are returned.
 * An account without a password (made with Google or Facebook) sets one through the reset email.
 * `user` is the caller, from `signedInUser` (the route's guard, before the body is read).
 */
export async function changePassword(
  deps: AuthDeps,
  user: Credential,
  input: { currentPassword: string; newPassword: string; ip: string },
): Promise<TokenPair> {
  const throttle = deps.config.throttle;
  await checkLoginAllowed(deps.db, throttle, user.email, input.ip);
  // No dummy hash as at sign-in: the caller is signed in, and knows whether the account has a password.
  if (!user.passwordHash || !(await deps.hashGate.run('sign-in', () => verifyPassword(input.currentPassword, user.passwordHash)))) {
    await recordLoginFailure(deps.db, throttle, user.email, input.ip);
    throw new WrongPassword(user.passwordHash ? undefined : 'The account has no password yet: set one with the reset link (forgot your password)');
  }
  const errors = passwordErrors(input.newPassword, user.email);
  if (errors.length > 0) throw new InvalidData(`The new password ${errors[0]!.message}`, errors.map((e) => ({ ...e, pointer: '/newPassword' })));
  const passwordHash = await deps.hashGate.run('other', () => hashPassword(input.newPassword, deps.scrypt));
  return deps.db.tx(async (tx) => {
    await recordLoginSuccess(tx, user.email);
    await credentialsStore.setPasswordHash(tx, user.userId, passwordHash);
    await credentialsStore.nextSessionGeneration(tx, user.userId);
    await refreshTokensStore.revokeUser(tx, user.userId);
    // The owner is told by email, in case it was not them (with the event in the same transaction).
    await deps.outbox.emit(tx, 'PasswordChanged', { userId: user.userId, email: user.email, name: user.name, via: 'change', changedAt: new Date().toISOString() }, user.userId);
    // Read back under the transaction: the roles and generation the new tokens carry.
    const now = (await credentialsStore.byId(tx, user.userId))!;
    return issueTokens(deps, tx, now);
  });
}
