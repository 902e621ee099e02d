import { UpstreamError } from '@mercato/chassis';
import { OidcSignIn } from './id-token.js';
import { callbackUrl, type OAuthConfig, type OAuthProviderName } from './oauth.config.js';
import { OAuthRefused } from './oauth.errors.js';

/** Who signed in, as the provider says. */
export interface ExternalIdentity {
  subject: string;
  email: string | undefined;
  /** True only when the provider asserts that the address belongs to this person. */
  emailVerified: boolean;
  name: string | undefined;
}

export interface AuthorizationRequest {
  state: string;
  codeChallenge: string;
  nonce: string | undefined;
}

export interface OAuthProvider {
  readonly name: OAuthProviderName;
  /** Whether the provider needs a nonce (OpenID Connect). */
  readonly usesNonce: boolean;
  authorizationUrl(req: AuthorizationRequest): Promise<string>;
  /** Exchanges the code of a callback (its state already used here) and returns the verified identity. */
  identify(input: { code: string; state: string; iss?: string; codeVerifier: string; nonce: string | undefined }): Promise<ExternalIdentity>;
}

const MAX_ANSWER = 1_000_000;

/** A JSON answer of a provider, with a timeout and a size limit; any failure is a 502/504. */
async function callJson(provider: string, url: string, init: RequestInit, timeoutMs: number): Promise<Record<string, unknown>> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, redirect: 'error', signal: AbortSignal.timeout(timeoutMs) });
  } catch (err) {
    const timedOut = err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');
    throw new UpstreamError(timedOut ? 504 : 502, 'oauth_provider_unavailable', `${provider} did not answer`);
  }
  const text = await res.text();
  if (text.length > MAX_ANSWER) throw new UpstreamError(502, 'oauth_provider_error', `${provider} answered too much`);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new UpstreamError(502, 'oauth_provider_error', `${provider} answered something other than JSON (${res.status})`);
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new UpstreamError(502, 'oauth_provider_error', `${provider} answered an unexpected body`);
  if (!res.ok) {
    // A refused code (expired, already used, wrong verifier) is the user's sign-in failing.
    if (res.status === 400 || res.status === 401) throw new OAuthRefused(`${provider} refused the sign-in`);
    throw new UpstreamError(502, 'oauth_provider_error', `${provider} answered ${res.status}`);
  }
  return body as Record<string, unknown>;
}

const form = (fields: Record<string, string>) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
  body: new URLSearchParams(fields).toString(),
});

const text = (v: unknown, max: number): string | undefined => (typeof v === 'string' && v.length > 0 && v.length <= max ? v : undefined);

/** Google, or any OpenID Connect provider: discovery, code + PKCE + nonce, RS256 id_token (see id-token.ts). */
export class OidcProvider implements OAuthProvider {
  readonly usesNonce = true;
  private readonly oidc: OidcSignIn;

  constructor(
    readonly name: OAuthProviderName,
    client: { clientId: string; clientSecret: string; issuer: string },
    private readonly config: OAuthConfig,
  ) {
    this.oidc = new OidcSignIn(name, client, config.timeoutMs);
  }

  authorizationUrl(req: AuthorizationRequest): Promise<string> {
    return this.oidc.authorizationUrl({ redirectUri: callbackUrl(this.config, this.name), state: req.state, codeChallenge: req.codeChallenge, nonce: req.nonce ?? '' });
  }

  async identify(input: { code: string; state: string; iss?: string; codeVerifier: string; nonce: string | undefined }): Promise<ExternalIdentity> {
    if (!input.nonce) throw new OAuthRefused('The sign-in has no nonce');
    const claims = await this.oidc.exchange({ ...input, nonce: input.nonce, redirectUri: callbackUrl(this.config, this.name) });
    return {
      subject: claims.sub,
      email: text(claims.email, 254),
      emailVerified: claims.email_verified === true || claims.email_verified === 'true',
      name: text(claims.name, 200),
    };
  }
}

/**
 * Facebook: OAuth 2 code + PKCE, then the Graph API's `/me`. Facebook has no id_token in this
 * flow; the access token is bound to our app by the code exchange (which needs our secret).
 * The Graph API returns only an address the person has confirmed with Facebook (and none when
 * there is no confirmed one), so a returned email is taken as verified.
 */
export class FacebookProvider implements OAuthProvider {
  readonly usesNonce = false;

  constructor(
    readonly name: OAuthProviderName,
    private readonly client: { clientId: string; clientSecret: string; authorizeUrl: string; graphUrl: string },
    private readonly config: OAuthConfig,
  ) {}

  authorizationUrl(req: AuthorizationRequest): Promise<string> {
    const url = new URL(this.client.authorizeUrl);
    url.search = new URLSearchParams({
      response_type: 'code',
      client_id: this.client.clientId,
      redirect_uri: callbackUrl(this.config, this.name),
      scope: 'email public_profile',
      state: req.state,
      code_challenge: req.codeChallenge,
      code_challenge_method: 'S256',
    }).toString();
    return Promise.resolve(url.toString());
  }

  async identify(input: { code: string; codeVerifier: string }): Promise<ExternalIdentity> {
    const tokens = await callJson(
      this.name,
      `${this.client.graphUrl}/oauth/access_token`,
      form({
        client_id: this.client.clientId,
        client_secret: this.client.clientSecret,
        redirect_uri: callbackUrl(this.config, this.name),
        code: input.code,
        code_verifier: input.codeVerifier,
      }),
      this.config.timeoutMs,
    );
    const accessToken = text(tokens.access_token, 4096);
    if (!accessToken) throw new OAuthRefused(`${this.name} returned no access token`);
    const me = await callJson(
      this.name,
      `${this.client.graphUrl}/me?fields=id,name,email`,
      { headers: { accept: 'application/json', authorization: `Bearer ${accessToken}` } },
      this.config.timeoutMs,
    );
    const id = text(me.id, 255);
    if (!id) throw new OAuthRefused(`${this.name} returned no user id`);
    const email = text(me.email, 254);
    return { subject: id, email, emailVerified: email !== undefined, name: text(me.name, 200) };
  }
}

/** The enabled providers (a provider without a client id is absent). */
export function createProviders(config: OAuthConfig): Partial<Record<OAuthProviderName, OAuthProvider>> {
  const providers: Partial<Record<OAuthProviderName, OAuthProvider>> = {};
  if (config.google) providers.google = new OidcProvider('google', config.google, config);
  if (config.facebook) providers.facebook = new FacebookProvider('facebook', config.facebook, config);
  return providers;
}
