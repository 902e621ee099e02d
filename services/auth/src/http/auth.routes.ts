import { NO_STORE, NoBody, operation, type HttpApp } from '@mercato/chassis';
import { changePassword, signedInUser } from '../auth/change-password.js';
import type { Credential } from '../credentials/credentials.store.js';
import { login } from '../auth/login.js';
import { logout } from '../auth/logout.js';
import { refresh } from '../auth/refresh.js';
import { register } from '../auth/register.js';
import type { AuthDeps } from '../deps.js';
import { ChangePasswordBody, LoginBody, RefreshBody, RegisterBody, TokenPairSchema } from './auth.schemas.js';

// Tokens must never be cached by anything between us and the client (the request that asks for
// them carries no Authorization header, so the chassis's rule does not cover it).

export function authRoutes(app: HttpApp, deps: AuthDeps): void {
  /** The signed-in caller of a password change, as its guard found them. */
  const callers = new WeakMap<object, Credential>();
  app.post(
    '/auth/register',
    {
      schema: {
        ...operation('register', 'public', { 409: 'email_taken', 429: 'rate_limited', 503: 'busy' }),
        tags: ['auth'],
        summary: 'Create an account and sign in',
        description: 'The password: 12 to 128 characters, not a common one (400 `invalid_data` with the reason at `/password`). A verification link is emailed.',
        body: RegisterBody,
        response: { 201: TokenPairSchema },
      },
    },
    async (req, reply) => reply.code(201).header('cache-control', NO_STORE).send(await register(deps, { ...req.body, ip: req.ip })),
  );
  app.post(
    '/auth/login',
    {
      schema: {
        ...operation('login', 'public', { 401: 'invalid_credentials', 429: 'login_throttled', 503: 'busy' }),
        tags: ['auth'],
        summary: 'Sign in with email and password',
        body: LoginBody,
        response: { 200: TokenPairSchema },
      },
    },
    async (req, reply) => reply.header('cache-control', NO_STORE).send(await login(deps, { ...req.body, ip: req.ip })),
  );
  app.post(
    '/auth/password/change',
    {
      // The caller first, as every guarded route does: without a valid token, 401 before the body is looked at.
      preValidation: async (req) => void callers.set(req, await signedInUser(deps, req.headers.authorization)),
      schema: {
        ...operation('changePassword', 'signed-in', { 403: 'wrong_password', 429: 'login_throttled', 503: 'busy' }),
        tags: ['auth'],
        summary: 'Change the password, giving the current one; signs out every other device',
        description:
          'The new password follows the policy of registration (400 `invalid_data` with the reason at `/newPassword`). A wrong current password counts as a failed sign-in of the account. Every refresh token and access token issued before is revoked; the answer is the new session of the caller.',
        body: ChangePasswordBody,
        response: { 200: TokenPairSchema },
      },
    },
    async (req, reply) => reply.header('cache-control', NO_STORE).send(await changePassword(deps, callers.get(req)!, { ...req.body, ip: req.ip })),
  );
  app.post(
    '/auth/refresh',
    { schema: { ...operation('refreshTokens', 'public', { 401: 'invalid_token' }), tags: ['auth'], summary: 'Exchange a refresh token for a new pair', body: RefreshBody, response: { 200: TokenPairSchema } } },
    async (req, reply) => reply.header('cache-control', NO_STORE).send(await refresh(deps, req.body.refreshToken)),
  );
  app.post(
    '/auth/logout',
    { schema: { ...operation('logout', 'public'), tags: ['auth'], summary: 'End the session of a refresh token', body: RefreshBody, response: { 204: NoBody('Signed out (also when the token was unknown or already ended)') } } },
    async (req, reply) => {
      await logout(deps, req.body.refreshToken);
      return reply.code(204).send();
    },
  );
}
