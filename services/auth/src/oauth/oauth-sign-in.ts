import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '@mercato/chassis';
import { newId } from '@mercato/contracts';
import { EmailTaken } from '../auth/auth.errors.js';
import { issueTokens, type TokenPair } from '../auth/issue-tokens.js';
import { credentialsStore, normaliseEmail, type Credential } from '../credentials/credentials.store.js';
import type { AuthDeps } from '../deps.js';
import { refreshTokensStore } from '../sessions/refresh-tokens.store.js';
import { requestEmailVerification } from '../recovery/verify-email.js';
import type { OAuthProviderName } from './oauth.config.js';
import { AccountExistsUnverifiedEmail, InvalidOAuthState, OAuthEmailRequired } from './oauth.errors.js';
import { oauthLinksStore, oauthStatesStore, type OAuthState } from './oauth.stores.js';
import type { ExternalIdentity, OAuthProvider } from './providers.js';

/** A started sign-in may be completed within this time. */
export const OAUTH_STATE_TTL_S = 600;

const random = (bytes: number) => randomBytes(bytes).toString('base64url');
const sha256 = (text: string) => createHash('sha256').update(text).digest();

/** Starts a sign-in: stores state → {PKCE verifier, nonce}; returns the provider's URL. */
export async function startOAuthSignIn(deps: Pick<AuthDeps, 'db'>, provider: OAuthProvider): Promise<string> {
  const state = random(32);
  const codeVerifier = random(32);
  const nonce = provider.usesNonce ? random(32) : undefined;
  // Outside the transaction: a slow provider must not hold a connection.
  const url = await provider.authorizationUrl({ state, codeChallenge: sha256(codeVerifier).toString('base64url'), nonce });
  await oauthStatesStore.insert(deps.db, { stateHash: sha256(state), provider: provider.name, codeVerifier, nonce, ttlS: OAUTH_STATE_TTL_S });
  if (Math.random() < 0.01) await oauthStatesStore.purgeExpired(deps.db);
  return url;
}

/** Uses the state of a callback: single use, this provider's, unexpired; else invalid_state. */
export async function consumeOAuthState(deps: Pick<AuthDeps, 'db'>, provider: OAuthProviderName, state: string): Promise<OAuthState> {
  const s = await oauthStatesStore.consume(deps.db, sha256(state), provider);
  if (!s) throw new InvalidOAuthState();
  return s;
}

/**
 * Completes a sign-in: the state is used first (so a replayed callback fails before any call
 * to the provider), then the code is exchanged and the identity verified, then one transaction
 * finds the linked account, links an account of the same verified email, or creates one.
 */
export async function completeOAuthSignIn(
  deps: AuthDeps,
  provider: OAuthProvider,
  input: { code: string; state: string; iss?: string },
): Promise<TokenPair> {
  const s = await consumeOAuthState(deps, provider.name, input.state);
  const identity = await provider.identify({ ...input, codeVerifier: s.codeVerifier, nonce: s.nonce });
  return deps.db.tx(async (tx) => {
    const user = await accountFor(deps, tx, provider.name, identity);
    return issueTokens(deps, tx, user);
  });
}

async function accountFor(deps: AuthDeps, tx: Queryable, provider: OAuthProviderName, id: ExternalIdentity): Promise<Credential> {
  const linked = await oauthLinksStore.userOf(tx, provider, id.subject);
  if (linked) {
    const user = await credentialsStore.byId(tx, linked);
    if (user) return user;
  }
  if (!id.email) throw new OAuthEmailRequired();
  const email = normaliseEmail(id.email);
  const existing = await credentialsStore.byEmail(tx, email);
  if (existing) {
    // Never take over an account through an address the provider does not vouch for.
    if (!id.emailVerified) throw new AccountExistsUnverifiedEmail();
    await oauthLinksStore.insert(tx, { provider, subject: id.subject, userId: existing.userId, email });
    if (!existing.emailVerified) {
      // Whoever set the password never proved the address (someone may have registered it
      // ahead of its owner): the owner, now proven, keeps the account without that password
      // or its sessions. A password can be set again by reset.
      await credentialsStore.setEmailVerified(tx, existing.userId);
      await credentialsStore.setPasswordHash(tx, existing.userId, '');
      await refreshTokensStore.revokeUser(tx, existing.userId);
      await deps.outbox.emit(tx, 'EmailVerified', { userId: existing.userId, email: existing.email, via: provider }, existing.userId);
    }
    return { ...existing, emailVerified: true };
  }
  const user = await credentialsStore.insert(tx, {
    userId: newId('usr'),
    email,
    name: id.name?.trim() || email.split('@')[0]!,
    // No password: password sign-in fails (an empty hash never verifies) until one is set by reset.
    passwordHash: '',
    emailVerified: id.emailVerified,
    roles: ['customer'],
  });
  if (!user) throw new EmailTaken(); // registered concurrently; signing in again links it
  await oauthLinksStore.insert(tx, { provider, subject: id.subject, userId: user.userId, email });
  await deps.outbox.emit(
    tx,
    'UserRegistered',
    { userId: user.userId, email: user.email, name: user.name, emailVerified: user.emailVerified, method: provider, roles: user.roles },
    user.userId,
  );
  if (!user.emailVerified) await requestEmailVerification(deps, tx, user);
  return user;
}
