import type { Queryable } from '@mercato/chassis';
import { credentialsStore, normaliseEmail, type Credential } from '../credentials/credentials.store.js';
import type { AuthDeps } from '../deps.js';
import { createOneTimeToken, hashOneTimeToken, withTimeFloor } from './one-time-token.js';
import { limitRequest } from '../throttle/request-limits.js';
import { oneTimeTokensStore as tokens } from './one-time-tokens.store.js';
import { InvalidOneTimeToken } from './recovery.errors.js';

/** Creates a verification token and emits EmailVerificationRequested in the caller's transaction. */
export async function requestEmailVerification(
  deps: Pick<AuthDeps, 'outbox' | 'config'>,
  tx: Queryable,
  user: Pick<Credential, 'userId' | 'email' | 'name'>,
): Promise<void> {
  const { token, expiresAt } = await createOneTimeToken(tx, 'email_verification', user.userId, deps.config.verifyTokenTtlS);
  await deps.outbox.emit(tx, 'EmailVerificationRequested', { userId: user.userId, email: user.email, name: user.name, token, expiresAt }, user.userId);
}

/**
 * Marks the email of the token's user verified, and tells the platform (EmailVerified, in the
 * same transaction: the profile shows it); the token is single use.
 */
export async function verifyEmail(deps: Pick<AuthDeps, 'db' | 'outbox'>, input: { token: string }): Promise<void> {
  const ok = await deps.db.tx(async (tx) => {
    const userId = await tokens.consume(tx, hashOneTimeToken(input.token), 'email_verification');
    if (!userId) return false;
    await credentialsStore.setEmailVerified(tx, userId);
    const user = await credentialsStore.byId(tx, userId);
    if (user) await deps.outbox.emit(tx, 'EmailVerified', { userId, email: user.email, via: 'link' }, userId);
    return true;
  });
  if (!ok) throw new InvalidOneTimeToken();
}

/**
 * Sends a new verification link. Like a forgotten password, it answers the same after the same
 * minimum time whatever the email; a link is sent only for a registered, unverified address,
 * not within the email cooldown of the last one, and the requests are limited the same way.
 */
export async function resendEmailVerification(deps: Pick<AuthDeps, 'db' | 'outbox' | 'config'>, input: { email: string; ip: string }): Promise<void> {
  const email = normaliseEmail(input.email);
  await limitRequest(deps.db, deps.config.limits, 'recovery', { ip: input.ip, account: email });
  await withTimeFloor(deps.config.responseFloorMs, () =>
    deps.db.tx(async (tx) => {
      const user = await credentialsStore.byEmail(tx, email);
      if (!user || user.emailVerified) return;
      if (deps.config.emailCooldownS > 0 && (await tokens.madeWithin(tx, user.userId, 'email_verification', deps.config.emailCooldownS))) return;
      await requestEmailVerification(deps, tx, user);
    }),
  );
}
