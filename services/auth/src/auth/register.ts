import { InvalidData } from '@mercato/chassis';
import { newId } from '@mercato/contracts';
import { credentialsStore, normaliseEmail } from '../credentials/credentials.store.js';
import type { AuthDeps } from '../deps.js';
import { hashPassword } from '../passwords/password-hasher.js';
import { passwordErrors } from '../passwords/password-policy.js';
import { requestEmailVerification } from '../recovery/verify-email.js';
import { withTimeFloor } from '../recovery/one-time-token.js';
import { limitRequest } from '../throttle/request-limits.js';
import { EmailTaken } from './auth.errors.js';
import { issueTokens, type TokenPair } from './issue-tokens.js';

export interface RegisterInput {
  email: string;
  password: string;
  name: string;
  ip: string;
}

/**
 * Creates a credential, signs the user in, and announces UserRegistered: one transaction.
 * Limited per address and per email before anything else. A taken email is answered without
 * hashing the password (a hash costs 128 MiB and a thread for its duration: it must not be
 * free to ask for), and every answer takes at least `AUTH_RESPONSE_FLOOR_MS`.
 */
export async function register(deps: AuthDeps, input: RegisterInput): Promise<TokenPair> {
  const email = normaliseEmail(input.email);
  const name = input.name.trim();
  if (name.length === 0) throw new InvalidData('The name is empty', [{ pointer: '/name', message: 'must not be blank' }]);
  await limitRequest(deps.db, deps.config.limits, 'register', { ip: input.ip, account: email });
  const errors = passwordErrors(input.password, email);
  if (errors.length > 0) throw new InvalidData(`The password ${errors[0]!.message}`, errors);
  return withTimeFloor(deps.config.responseFloorMs, async () => {
    if (await credentialsStore.emailTaken(deps.db, email)) throw new EmailTaken();
    const passwordHash = await deps.hashGate.run('other', () => hashPassword(input.password, deps.scrypt));
    return deps.db.tx(async (tx) => {
      const user = await credentialsStore.insert(tx, {
        userId: newId('usr'),
        email,
        name,
        passwordHash,
        emailVerified: false,
        roles: ['customer'],
      });
      if (!user) throw new EmailTaken();
      await deps.outbox.emit(
        tx,
        'UserRegistered',
        { userId: user.userId, email: user.email, name: user.name, emailVerified: user.emailVerified, method: 'password', roles: user.roles },
        user.userId,
      );
      await requestEmailVerification(deps, tx, user);
      return issueTokens(deps, tx, user);
    });
  });
}
