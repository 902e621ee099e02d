import { newId } from '@mercato/contracts';
import { credentialsStore } from '../credentials/credentials.store.js';
import type { AuthDeps } from '../deps.js';
import { hashPassword } from '../passwords/password-hasher.js';

export type AdminOutcome = 'created' | 'promoted' | 'unchanged';

/**
 * At start, with ADMIN_EMAIL/ADMIN_PASSWORD: an administrator exists with that email. A new one
 * gets roles [admin, customer], a verified email and UserRegistered; an existing account gets
 * the admin role if it lacks it, and keeps its password (set only when it has none). Replicas
 * starting together queue on an advisory lock, so exactly one creates it.
 */
export async function ensureAdmin(deps: Pick<AuthDeps, 'db' | 'outbox' | 'scrypt' | 'logger'>, admin: { email: string; password: string }): Promise<AdminOutcome> {
  // Hashed only if it may be needed: at OWASP's cost it takes a good part of a second, and an
  // administrator who exists with a password (every start after the first) keeps it anyway.
  const known = await credentialsStore.byEmail(deps.db, admin.email);
  let passwordHash = known?.passwordHash ? undefined : await hashPassword(admin.password, deps.scrypt);
  const outcome = await deps.db.tx(async (tx): Promise<AdminOutcome> => {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('mercato.auth.ensure_admin'))`);
    const existing = await credentialsStore.byEmail(tx, admin.email);
    if (existing) {
      if (!existing.passwordHash) await credentialsStore.setPasswordHashIfNone(tx, existing.userId, (passwordHash ??= await hashPassword(admin.password, deps.scrypt)));
      return (await credentialsStore.addRole(tx, existing.userId, 'admin')) ? 'promoted' : 'unchanged';
    }
    // Hashed above, unless the account had a password when looked up and was erased since.
    passwordHash ??= await hashPassword(admin.password, deps.scrypt);
    const user = (await credentialsStore.insert(tx, {
      userId: newId('usr'),
      email: admin.email,
      name: 'Administrator',
      passwordHash,
      emailVerified: true,
      roles: ['admin', 'customer'],
    }))!;
    await deps.outbox.emit(
      tx,
      'UserRegistered',
      { userId: user.userId, email: user.email, name: user.name, emailVerified: true, method: 'password', roles: user.roles },
      user.userId,
    );
    return 'created';
  });
  if (outcome !== 'unchanged') deps.logger.info({ email: admin.email, outcome }, 'administrator ensured');
  return outcome;
}
