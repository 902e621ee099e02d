// Sign-in with an OpenID Connect provider (Google) through `openid-client`: discovery (the
// issuer must be the one configured), the code exchange with PKCE and the client secret, and
// the id_token check — RS256 only, the signature against the provider's JWKS (asked for:
// openid-client does not check it by default on a token from the token endpoint), iss, aud and azp,
// exp and iat, the nonce of this sign-in, and RFC 9207's `iss` callback parameter when the
// provider announces it. What is left here is the platform's side: which errors mean the
// sign-in was refused (401) and which mean the provider failed (502/504), and a bound on the
// size of the provider's answers.
import * as oidc from 'openid-client';
import { UpstreamError } from '@mercato/chassis';
import { OAuthRefused } from './oauth.errors.js';

export interface OidcClient {
  issuer: string;
  clientId: string;
  clientSecret: string;
}

/** Who signed in, as the verified id_token says. */
export interface IdTokenClaims {
  sub: string;
  email?: unknown;
  email_verified?: unknown;
  name?: unknown;
}

const MAX_ANSWER = 1_000_000;
const ALG = 'RS256';

/** fetch with no redirects and a bound on the body: a provider's answer is read into memory. */
const boundedFetch: oidc.CustomFetch = async (url, options) => {
  const res = await fetch(url, { ...options, redirect: 'error' } as RequestInit);
  const declared = Number(res.headers.get('content-length') ?? 0);
  if (declared > MAX_ANSWER) throw new UpstreamError(502, 'oauth_provider_error', 'the provider answered too much');
  const body = await res.arrayBuffer();
  if (body.byteLength > MAX_ANSWER) throw new UpstreamError(502, 'oauth_provider_error', 'the provider answered too much');
  return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
};

/** A provider's failure or refusal, in the platform's terms. */
function translate(provider: string, err: unknown): Error {
  if (err instanceof OAuthRefused || err instanceof UpstreamError) return err;
  if (err instanceof oidc.ResponseBodyError) {
    // A refused code (expired, already used, wrong verifier) is the user's sign-in failing.
    if (err.status === 400 || err.status === 401) return new OAuthRefused(`${provider} refused the sign-in`);
    return new UpstreamError(502, 'oauth_provider_error', `${provider} answered ${err.status}`);
  }
  if (err instanceof oidc.AuthorizationResponseError) return new OAuthRefused(`${provider} refused the sign-in`);
  const code = (err as { code?: string }).code;
  const cause = (err as { cause?: { message?: string; cause?: { claim?: string } } }).cause;
  if (code === 'OAUTH_TIMEOUT' || code === 'OAUTH_ABORT') return new UpstreamError(504, 'oauth_provider_unavailable', `${provider} did not answer`);
  if (err instanceof TypeError) return new UpstreamError(502, 'oauth_provider_unavailable', `${provider} did not answer`);
  if (code === 'OAUTH_JWT_CLAIM_COMPARISON_FAILED') {
    const claim = cause?.cause?.claim ?? (/"(\w+)"/.exec(cause?.message ?? '')?.[1] ?? '');
    if (claim === 'nonce') return new OAuthRefused('The id_token nonce does not match this sign-in');
    if (claim === 'aud' || claim === 'azp') return new OAuthRefused('The id_token is for another client');
    if (claim === 'iss') return new OAuthRefused('The id_token is from another issuer');
    return new OAuthRefused(`The id_token ${claim || 'claims'} do not match`);
  }
  if (code === 'OAUTH_JWT_TIMESTAMP_CHECK_FAILED') return new OAuthRefused('The id_token has expired or is not valid yet');
  if (/signature/i.test(cause?.message ?? '')) return new OAuthRefused('The id_token signature is not valid');
  if (code === 'OAUTH_KEY_SELECTION_FAILED') return new OAuthRefused('The id_token is signed with an unknown key');
  if (/alg/i.test(cause?.message ?? '')) return new OAuthRefused(`The id_token is not signed with ${ALG}`);
  if (code === 'OAUTH_RESPONSE_IS_NOT_CONFORM' || code === 'OAUTH_RESPONSE_IS_NOT_JSON' || code === 'OAUTH_PARSE_ERROR') {
    return new UpstreamError(502, 'oauth_provider_error', `${provider} answered something unexpected`);
  }
  if (code === 'OAUTH_INVALID_SERVER_METADATA' || code === 'OAUTH_MISSING_SERVER_METADATA') {
    return new UpstreamError(502, 'oauth_provider_error', `${provider} discovery is not usable`);
  }
  return new OAuthRefused(`The ${provider} sign-in could not be verified`);
}

/** One OpenID provider's client: its configuration discovered once an hour. */
export class OidcSignIn {
  private configuration: { value: Promise<oidc.Configuration>; at: number } | undefined;

  constructor(
    private readonly name: string,
    private readonly client: OidcClient,
    private readonly timeoutMs: number,
  ) {}

  private config(): Promise<oidc.Configuration> {
    const fresh = this.configuration && Date.now() - this.configuration.at < 3_600_000;
    if (!fresh) {
      const value = oidc
        .discovery(
          new URL(this.client.issuer),
          this.client.clientId,
          { client_secret: this.client.clientSecret, id_token_signed_response_alg: ALG },
          oidc.ClientSecretPost(this.client.clientSecret),
          {
            timeout: this.timeoutMs / 1000,
            [oidc.customFetch]: boundedFetch,
            // The id_token's signature is checked against the provider's JWKS even though it
            // comes straight from the token endpoint (openid-client skips that by default, on
            // the strength of TLS). A local provider (tests, a development identity server)
            // speaks plain HTTP.
            execute: [oidc.enableNonRepudiationChecks, ...(this.client.issuer.startsWith('http://') ? [oidc.allowInsecureRequests] : [])],
          },
        )
        .catch((err: unknown) => {
          this.configuration = undefined;
          throw translate(this.name, err);
        });
      this.configuration = { value, at: Date.now() };
    }
    return this.configuration!.value;
  }

  async authorizationUrl(params: { redirectUri: string; state: string; codeChallenge: string; nonce: string }): Promise<string> {
    return oidc
      .buildAuthorizationUrl(await this.config(), {
        response_type: 'code',
        redirect_uri: params.redirectUri,
        scope: 'openid email profile',
        state: params.state,
        code_challenge: params.codeChallenge,
        code_challenge_method: 'S256',
        nonce: params.nonce,
      })
      .toString();
  }

  /** Exchanges the code of a callback whose state this service has already used, and verifies the id_token. */
  async exchange(input: { redirectUri: string; code: string; state: string; iss?: string; codeVerifier: string; nonce: string }): Promise<IdTokenClaims> {
    const config = await this.config();
    const callback = new URL(input.redirectUri);
    callback.searchParams.set('code', input.code);
    callback.searchParams.set('state', input.state);
    if (input.iss !== undefined) callback.searchParams.set('iss', input.iss);
    let claims: Record<string, unknown> | undefined;
    try {
      const tokens = await oidc.authorizationCodeGrant(config, callback, {
        pkceCodeVerifier: input.codeVerifier,
        expectedNonce: input.nonce,
        expectedState: input.state,
        idTokenExpected: true,
      });
      claims = tokens.claims() as Record<string, unknown> | undefined;
    } catch (err) {
      throw translate(this.name, err);
    }
    if (!claims) throw new OAuthRefused(`${this.name} returned no id_token`);
    if (typeof claims.sub !== 'string' || claims.sub.length === 0 || claims.sub.length > 255) throw new OAuthRefused('The id_token has no subject');
    return claims as unknown as IdTokenClaims;
  }
}
