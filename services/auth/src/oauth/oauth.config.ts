import { ConfigError, loadConfig } from '@mercato/chassis';
import { Type, type Static } from '@sinclair/typebox';

const Url = (description: string, dflt?: string) =>
  Type.String({ minLength: 8, maxLength: 500, pattern: '^https?://[^\\s#]+$', description: `${description}: an http(s) URL without a fragment`, ...(dflt ? { default: dflt } : {}) });
const ClientId = (description: string) => Type.Optional(Type.String({ minLength: 1, maxLength: 256, pattern: '^[\\x21-\\x7e]+$', description }));
const Secret = (description: string) => Type.Optional(Type.String({ minLength: 1, maxLength: 512, pattern: '^[\\x21-\\x7e]+$', description }));

/** Sign-in with Google and Facebook; a provider without a client id is off. */
export const OAuthConfigSchema = Type.Object(
  {
    AUTH_GOOGLE_CLIENT_ID: ClientId('the OAuth client id of the Google sign-in (unset: Google sign-in is off)'),
    AUTH_GOOGLE_CLIENT_SECRET: Secret('the OAuth client secret of the Google sign-in'),
    AUTH_GOOGLE_ISSUER: Url('the OpenID issuer of Google (its discovery document is at ISSUER/.well-known/openid-configuration)', 'https://accounts.google.com'),
    AUTH_FACEBOOK_CLIENT_ID: ClientId('the app id of the Facebook sign-in (unset: Facebook sign-in is off)'),
    AUTH_FACEBOOK_CLIENT_SECRET: Secret('the app secret of the Facebook sign-in'),
    AUTH_FACEBOOK_AUTHORIZE_URL: Url('the Facebook login dialog', 'https://www.facebook.com/v19.0/dialog/oauth'),
    AUTH_FACEBOOK_GRAPH_URL: Url('the Facebook Graph API base (token at GRAPH/oauth/access_token, profile at GRAPH/me)', 'https://graph.facebook.com/v19.0'),
    AUTH_OAUTH_REDIRECT_BASE: Url('the public base of the callback URLs (BASE/auth/oauth/PROVIDER/callback)', 'http://127.0.0.1:8080/api/v1'),
    AUTH_OAUTH_SUCCESS_URL: Url('where the browser is sent after an external sign-in, tokens in the fragment', 'http://127.0.0.1:8080/account/signed-in'),
    AUTH_OAUTH_TIMEOUT_MS: Type.Integer({ minimum: 100, maximum: 60_000, default: 5000, description: 'the timeout of each call to a provider in ms: 100 to 60000' }),
  },
  { additionalProperties: true },
);

export type OAuthProviderName = 'google' | 'facebook';
export const OAUTH_PROVIDERS: readonly OAuthProviderName[] = ['google', 'facebook'];

export interface OAuthClient {
  clientId: string;
  clientSecret: string;
}

export interface OAuthConfig {
  google: (OAuthClient & { issuer: string }) | undefined;
  facebook: (OAuthClient & { authorizeUrl: string; graphUrl: string }) | undefined;
  redirectBase: string;
  successUrl: string;
  timeoutMs: number;
}

const trimSlash = (url: string) => url.replace(/\/+$/, '');

function client(name: string, id: string | undefined, secret: string | undefined): OAuthClient | undefined {
  if (id === undefined) return undefined;
  if (secret === undefined) throw new ConfigError(`Configuration error: AUTH_${name}_CLIENT_SECRET is missing; expected it with AUTH_${name}_CLIENT_ID`);
  return { clientId: id, clientSecret: secret };
}

export function loadOAuthConfig(env: NodeJS.ProcessEnv): OAuthConfig {
  const c: Static<typeof OAuthConfigSchema> = loadConfig(OAuthConfigSchema, env);
  const google = client('GOOGLE', c.AUTH_GOOGLE_CLIENT_ID, c.AUTH_GOOGLE_CLIENT_SECRET);
  const facebook = client('FACEBOOK', c.AUTH_FACEBOOK_CLIENT_ID, c.AUTH_FACEBOOK_CLIENT_SECRET);
  return {
    google: google && { ...google, issuer: trimSlash(c.AUTH_GOOGLE_ISSUER) },
    facebook: facebook && { ...facebook, authorizeUrl: c.AUTH_FACEBOOK_AUTHORIZE_URL, graphUrl: trimSlash(c.AUTH_FACEBOOK_GRAPH_URL) },
    redirectBase: trimSlash(c.AUTH_OAUTH_REDIRECT_BASE),
    successUrl: c.AUTH_OAUTH_SUCCESS_URL,
    timeoutMs: c.AUTH_OAUTH_TIMEOUT_MS,
  };
}

export function callbackUrl(config: Pick<OAuthConfig, 'redirectBase'>, provider: OAuthProviderName): string {
  return `${config.redirectBase}/auth/oauth/${provider}/callback`;
}
