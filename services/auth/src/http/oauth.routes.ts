import { InvalidData, NoBody, NotFound, operation, type HttpApp } from '@mercato/chassis';
import { Type } from '@sinclair/typebox';
import type { AuthDeps } from '../deps.js';
import { completeOAuthSignIn, consumeOAuthState, startOAuthSignIn } from '../oauth/oauth-sign-in.js';
import type { OAuthProviderName } from '../oauth/oauth.config.js';
import { createProviders } from '../oauth/providers.js';

const ProviderParams = Type.Object({ provider: Type.Union([Type.Literal('google'), Type.Literal('facebook')]) }, { additionalProperties: false });

const param = (maxLength: number) => Type.Optional(Type.String({ minLength: 1, maxLength }));
/** What providers put on the callback URL (Google adds scope, authuser, prompt, hd, iss). */
const CallbackQuery = Type.Object(
  {
    code: param(2048),
    state: param(512),
    error: param(256),
    error_description: param(1024),
    error_reason: param(256),
    error_code: param(32),
    error_uri: param(1024),
    scope: param(1024),
    authuser: param(16),
    prompt: param(64),
    hd: param(256),
    iss: param(512),
    session_state: param(512),
  },
  { additionalProperties: false },
);

// The browser must not keep or pass on these answers.
const NO_STORE = { 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' };

export function oauthRoutes(app: HttpApp, deps: AuthDeps): void {
  const providers = createProviders(deps.config.oauth);
  const enabled = (name: OAuthProviderName) => {
    const p = providers[name];
    if (!p) throw new NotFound(`Sign-in with ${name} is not enabled`);
    return p;
  };
  const toApp = (fragment: Record<string, string>) => `${deps.config.oauth.successUrl}#${new URLSearchParams(fragment).toString()}`;

  app.get(
    '/auth/oauth/:provider/start',
    {
      schema: {
        ...operation('startOAuthSignIn', 'public', { 404: 'not_found', 502: 'oauth_provider_error', 504: 'oauth_provider_unavailable' }),
        tags: ['auth'],
        summary: 'Start a sign-in with Google or Facebook (302 to the provider)',
        description: 'Open it in the browser (not with fetch): it redirects to the provider. 404 when the provider is not configured.',
        params: ProviderParams,
        response: { 302: NoBody('To the provider, with state and PKCE challenge') },
      },
    },
    async (req, reply) => {
      const url = await startOAuthSignIn(deps, enabled(req.params.provider));
      return reply.code(302).headers(NO_STORE).header('location', url).send();
    },
  );

  app.get(
    '/auth/oauth/:provider/callback',
    {
      schema: {
        ...operation('completeOAuthSignIn', 'public', {
          400: ['invalid_state', 'invalid_data'],
          401: 'oauth_refused',
          404: 'not_found',
          409: ['account_exists_unverified_email', 'email_taken'],
          422: 'email_required',
          502: 'oauth_provider_error',
          504: 'oauth_provider_unavailable',
        }),
        tags: ['auth'],
        summary: 'Where the provider sends the browser back; 302 to the app with the tokens in the URL fragment',
        params: ProviderParams,
        querystring: CallbackQuery,
        response: { 302: NoBody('To the app (`AUTH_OAUTH_SUCCESS_URL`) with the tokens, or `error`, in the URL fragment') },
      },
    },
    async (req, reply) => {
      const provider = enabled(req.params.provider);
      const { code, state, error } = req.query;
      if (error !== undefined) {
        // Declined or failed at the provider: the state is used up, the app is told why.
        await consumeOAuthState(deps, provider.name, state ?? '');
        const reason = /^[a-z_]{1,64}$/.test(error) ? error : 'oauth_error';
        return reply.code(302).headers(NO_STORE).header('location', toApp({ error: reason })).send();
      }
      if (code === undefined || state === undefined) {
        // Burns a valid state all the same: a callback is answered once.
        await consumeOAuthState(deps, provider.name, state ?? '');
        throw new InvalidData('The callback has no code', [{ pointer: '/code', message: 'is required' }]);
      }
      const t = await completeOAuthSignIn(deps, provider, { code, state, ...(req.query.iss !== undefined ? { iss: req.query.iss } : {}) });
      const location = toApp({ accessToken: t.accessToken, refreshToken: t.refreshToken, expiresIn: String(t.expiresIn), tokenType: t.tokenType });
      return reply.code(302).headers(NO_STORE).header('location', location).send();
    },
  );
}
