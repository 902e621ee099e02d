import { credentialsStore, normaliseEmail } from '../credentials/credentials.store.js';
import type { AuthDeps } from '../deps.js';
import { createOneTimeToken, withTimeFloor } from './one-time-token.js';

/**
 * Starts a password reset. Answers the same, after the same minimum time, whether or not the
 * email is registered; when it is, a reset token is created and PasswordResetRequested (which
 * carries the token to the notification service, the only way it leaves) is emitted in the
 * same transaction.
 */
export async function forgotPassword(deps: Pick<AuthDeps, 'db' | 'outbox' | 'config'>, input: { email: string }): Promise<void> {
  await withTimeFloor(deps.config.responseFloorMs, () =>
    deps.db.tx(async (tx) => {
      const user = await credentialsStore.byEmail(tx, normaliseEmail(input.email));
      if (!user) return;
      const { token, expiresAt } = await createOneTimeToken(tx, 'password_reset', user.userId, deps.config.resetTokenTtlS);
      await deps.outbox.emit(tx, 'PasswordResetRequested', { userId: user.userId, email: user.email, name: user.name, token, expiresAt }, user.userId);
    }),
  );
}
