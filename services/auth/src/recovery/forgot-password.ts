import { credentialsStore, normaliseEmail } from '../credentials/credentials.store.js';
import type { AuthDeps } from '../deps.js';
import { limitRequest } from '../throttle/request-limits.js';
import { createOneTimeToken, withTimeFloor } from './one-time-token.js';
import { oneTimeTokensStore } from './one-time-tokens.store.js';

/**
 * Starts a password reset. Answers the same, after the same minimum time, whether or not the
 * email is registered; when it is, a reset token is created and PasswordResetRequested (which
 * carries the token to the notification service, the only way it leaves) is emitted in the
 * same transaction — unless the account was sent one less than `AUTH_RESET_EMAIL_COOLDOWN_S`
 * ago (the same answer, no second email: a mailbox must not be flooded through us). Limited per
 * address and per email (known or not) before anything else.
 */
export async function forgotPassword(deps: Pick<AuthDeps, 'db' | 'outbox' | 'config'>, input: { email: string; ip: string }): Promise<void> {
  const email = normaliseEmail(input.email);
  await limitRequest(deps.db, deps.config.limits, 'recovery', { ip: input.ip, account: email });
  await withTimeFloor(deps.config.responseFloorMs, () =>
    deps.db.tx(async (tx) => {
      const user = await credentialsStore.byEmail(tx, email);
      if (!user) return;
      if (deps.config.emailCooldownS > 0 && (await oneTimeTokensStore.madeWithin(tx, user.userId, 'password_reset', deps.config.emailCooldownS))) return;
      const { token, expiresAt } = await createOneTimeToken(tx, 'password_reset', user.userId, deps.config.resetTokenTtlS);
      await deps.outbox.emit(tx, 'PasswordResetRequested', { userId: user.userId, email: user.email, name: user.name, token, expiresAt }, user.userId);
    }),
  );
}
