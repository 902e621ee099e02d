import assert from 'node:assert/strict';
import { createHash, createHmac, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import Provider from 'oidc-provider';
import type { RunningService } from '@mercato/chassis';
import { createTestDatabase, skipUnless, type TestDatabase } from '@mercato/chassis/testing';
import { keysFromJwks, verifyJwt } from '../src/service.js';
import { outboxEvents, poster, startAuth } from './helpers.js';

/**
 * Sign-in with Google against a real OpenID provider (the `oidc-provider` package, driven
 * through its login and consent pages), and against a small OpenID provider written here that
 * can also misbehave (bad signature, nonce, audience, expiry); Facebook against a local fake of
 * its dialog, token endpoint and Graph `/me`.
 */

const GOOGLE = { clientId: 'mercato-web.apps.test', clientSecret: 'google-secret-0123456789' };
const FACEBOOK = { clientId: '1234567890', clientSecret: 'facebook-secret-0123456789' };
// The public base as the gateway serves it; the test plays the gateway by mapping it to the service.
const REDIRECT_BASE = 'http://shop.test/api/v1';
const SUCCESS_URL = 'http://shop.test/account/signed-in';

const b64url = (b: Buffer | string) => Buffer.from(b).toString('base64url');
const sha256 = (s: string) => createHash('sha256').update(s).digest();

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  let body = '';
  for await (const chunk of req) body += String(chunk);
  return new URLSearchParams(body);
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

interface Person {
  sub: string;
  email?: string;
  email_verified?: boolean;
  name?: string;
}

type Tamper = 'none' | 'bad-signature' | 'wrong-nonce' | 'wrong-audience' | 'expired' | 'hs256-with-the-secret' | 'alg-none';

/** An OpenID provider: one client, PKCE (S256) required, the signed-in person set by the test. */
class LocalOidcProvider {
  issuer = '';
  person: Person = { sub: 'g-1' };
  tamper: Tamper = 'none';
  readonly authorizeRequests: URL[] = [];
  private readonly server = createServer((req, res) => void this.handle(req, res).catch((e: unknown) => json(res, 500, { error: String(e) })));
  private readonly key = generateKeyPairSync('rsa', { modulusLength: 2048 });
  private readonly otherKey = generateKeyPairSync('rsa', { modulusLength: 2048 });
  private readonly codes = new Map<string, { challenge: string; nonce: string; redirectUri: string; person: Person }>();

  async start(): Promise<void> {
    this.issuer = await listen(this.server);
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private idToken(claims: Record<string, unknown>, key: KeyObject): string {
    const body = b64url(JSON.stringify(claims));
    if (this.tamper === 'alg-none') return `${b64url(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${body}.`;
    if (this.tamper === 'hs256-with-the-secret') {
      // OpenID allows HS256 keyed with the client secret; a client pinned to RS256 must refuse it.
      const head = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
      return `${head}.${body}.${b64url(createHmac('sha256', GOOGLE.clientSecret).update(`${head}.${body}`).digest())}`;
    }
    const head = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: 'k1' }));
    return `${head}.${body}.${b64url(sign('RSA-SHA256', Buffer.from(`${head}.${body}`), key))}`;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url!, this.issuer);
    if (url.pathname === '/.well-known/openid-configuration') {
      return json(res, 200, {
        issuer: this.issuer,
        authorization_endpoint: `${this.issuer}/authorize`,
        token_endpoint: `${this.issuer}/token`,
        jwks_uri: `${this.issuer}/jwks`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        code_challenge_methods_supported: ['S256'],
        token_endpoint_auth_methods_supported: ['client_secret_post'],
      });
    }
    if (url.pathname === '/jwks') {
      return json(res, 200, { keys: [{ ...this.key.publicKey.export({ format: 'jwk' }), kid: 'k1', use: 'sig', alg: 'RS256' }] });
    }
    if (url.pathname === '/authorize' && req.method === 'GET') {
      this.authorizeRequests.push(url);
      const q = url.searchParams;
      const redirectUri = q.get('redirect_uri');
      // Never redirect to an unregistered address: answer the browser directly.
      if (q.get('client_id') !== GOOGLE.clientId) return json(res, 400, { error: 'invalid_client' });
      if (redirectUri !== `${REDIRECT_BASE}/auth/oauth/google/callback`) return json(res, 400, { error: 'invalid_redirect_uri' });
      const back = new URL(redirectUri);
      const fail = (error: string) => {
        back.searchParams.set('error', error);
        back.searchParams.set('state', q.get('state') ?? '');
        res.writeHead(302, { location: back.toString() }).end();
      };
      if (q.get('response_type') !== 'code') return fail('unsupported_response_type');
      if (!q.get('scope')?.split(' ').includes('openid')) return fail('invalid_scope');
      if (q.get('code_challenge_method') !== 'S256' || !/^[A-Za-z0-9_-]{43}$/.test(q.get('code_challenge') ?? '')) return fail('invalid_request');
      const code = randomBytes(16).toString('hex');
      this.codes.set(code, { challenge: q.get('code_challenge')!, nonce: q.get('nonce') ?? '', redirectUri, person: this.person });
      back.searchParams.set('code', code);
      back.searchParams.set('state', q.get('state') ?? '');
      back.searchParams.set('scope', 'openid email profile');
      return void res.writeHead(302, { location: back.toString() }).end();
    }
    if (url.pathname === '/token' && req.method === 'POST') {
      const f = await readForm(req);
      if (f.get('client_id') !== GOOGLE.clientId || f.get('client_secret') !== GOOGLE.clientSecret) return json(res, 401, { error: 'invalid_client' });
      const grant = this.codes.get(f.get('code') ?? '');
      this.codes.delete(f.get('code') ?? '');
      if (f.get('grant_type') !== 'authorization_code' || !grant || grant.redirectUri !== f.get('redirect_uri')) return json(res, 400, { error: 'invalid_grant' });
      if (b64url(sha256(f.get('code_verifier') ?? '')) !== grant.challenge) return json(res, 400, { error: 'invalid_grant', error_description: 'PKCE' });
      const now = Math.floor(Date.now() / 1000);
      const claims = {
        iss: this.issuer,
        aud: this.tamper === 'wrong-audience' ? 'someone-else' : GOOGLE.clientId,
        iat: now,
        exp: this.tamper === 'expired' ? now - 600 : now + 300,
        nonce: this.tamper === 'wrong-nonce' ? 'a-replayed-nonce' : grant.nonce,
        ...grant.person,
      };
      const key = this.tamper === 'bad-signature' ? this.otherKey.privateKey : this.key.privateKey;
      return json(res, 200, { access_token: randomBytes(16).toString('hex'), token_type: 'Bearer', expires_in: 3600, id_token: this.idToken(claims, key) });
    }
    json(res, 404, { error: 'not_found' });
  }
}

/** Facebook's login dialog, token endpoint and Graph `/me`. */
class FakeFacebook {
  base = '';
  person: { id: string; name?: string; email?: string } = { id: 'fb-1' };
  private readonly server = createServer((req, res) => void this.handle(req, res).catch((e: unknown) => json(res, 500, { error: String(e) })));
  private readonly codes = new Map<string, { challenge: string; person: FakeFacebook['person'] }>();
  private readonly tokens = new Map<string, FakeFacebook['person']>();

  async start(): Promise<void> {
    this.base = await listen(this.server);
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url!, this.base);
    if (url.pathname === '/dialog/oauth') {
      const q = url.searchParams;
      if (q.get('client_id') !== FACEBOOK.clientId || q.get('redirect_uri') !== `${REDIRECT_BASE}/auth/oauth/facebook/callback`) {
        return json(res, 400, { error: 'invalid_request' });
      }
      const code = randomBytes(16).toString('hex');
      this.codes.set(code, { challenge: q.get('code_challenge') ?? '', person: this.person });
      const back = new URL(q.get('redirect_uri')!);
      back.searchParams.set('code', code);
      back.searchParams.set('state', q.get('state') ?? '');
      return void res.writeHead(302, { location: back.toString() }).end();
    }
    if (url.pathname === '/graph/oauth/access_token' && req.method === 'POST') {
      const f = await readForm(req);
      const grant = this.codes.get(f.get('code') ?? '');
      this.codes.delete(f.get('code') ?? '');
      if (f.get('client_id') !== FACEBOOK.clientId || f.get('client_secret') !== FACEBOOK.clientSecret) return json(res, 400, { error: { message: 'bad client' } });
      if (!grant || b64url(sha256(f.get('code_verifier') ?? '')) !== grant.challenge) return json(res, 400, { error: { message: 'bad code' } });
      if (f.get('redirect_uri') !== `${REDIRECT_BASE}/auth/oauth/facebook/callback`) return json(res, 400, { error: { message: 'bad redirect' } });
      const token = randomBytes(16).toString('hex');
      this.tokens.set(token, grant.person);
      return json(res, 200, { access_token: token, token_type: 'bearer', expires_in: 5000 });
    }
    if (url.pathname === '/graph/me') {
      const person = this.tokens.get((req.headers.authorization ?? '').replace(/^Bearer /, ''));
      if (!person) return json(res, 401, { error: { message: 'invalid token' } });
      if (url.searchParams.get('fields') !== 'id,name,email') return json(res, 400, { error: { message: 'fields' } });
      return json(res, 200, person);
    }
    json(res, 404, { error: 'not_found' });
  }
}

describe('sign-in with Google and Facebook', { skip: skipUnless('postgres') }, () => {
  let db: TestDatabase;
  let svc: RunningService;
  const google = new LocalOidcProvider();
  const facebook = new FakeFacebook();
  const post = poster(() => svc);
  const count = async (sql: string, params: unknown[] = []) => Number((await svc.db.query<{ n: number }>(sql, params)).rows[0]!.n);
  const counts = async () => ({
    credentials: await count('SELECT count(*) AS n FROM credentials'),
    links: await count('SELECT count(*) AS n FROM oauth_links'),
    outbox: await count('SELECT count(*) AS n FROM outbox'),
    sessions: await count('SELECT count(*) AS n FROM refresh_tokens'),
  });

  /** The gateway's part: the public callback URL maps to the service's own route. */
  const toService = (publicUrl: string) => {
    assert.ok(publicUrl.startsWith(`${REDIRECT_BASE}/`), publicUrl);
    return `${svc.url}${publicUrl.slice(REDIRECT_BASE.length)}`;
  };
  const get = (url: string) => fetch(url, { redirect: 'manual' });

  async function start(provider: 'google' | 'facebook'): Promise<URL> {
    const res = await get(`${svc.url}/auth/oauth/${provider}/start`);
    assert.equal(res.status, 302);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    return new URL(res.headers.get('location')!);
  }

  /** Start → provider → callback: the callback's answer (not followed). */
  async function signIn(provider: 'google' | 'facebook'): Promise<Response> {
    const atProvider = await get((await start(provider)).toString());
    assert.equal(atProvider.status, 302, `the provider redirects back (${atProvider.status})`);
    return get(toService(atProvider.headers.get('location')!));
  }

  function fragmentTokens(res: Response): { accessToken: string; refreshToken: string; expiresIn: string; url: URL } {
    assert.equal(res.status, 302);
    const url = new URL(res.headers.get('location')!);
    assert.equal(`${url.origin}${url.pathname}`, SUCCESS_URL);
    assert.equal(url.search, '', 'nothing in the query string');
    const f = new URLSearchParams(url.hash.slice(1));
    return { accessToken: f.get('accessToken')!, refreshToken: f.get('refreshToken')!, expiresIn: f.get('expiresIn')!, url };
  }

  async function problem(res: Response, status: number, code: string): Promise<void> {
    const body = (await res.text()) || '{}';
    assert.equal(res.status, status, body);
    assert.match(res.headers.get('content-type') ?? '', /problem\+json/);
    assert.equal((JSON.parse(body) as { code: string }).code, code);
  }

  const sub = async (token: string) => {
    const jwks = (await (await fetch(`${svc.url}/.well-known/jwks.json`)).json()) as { keys: { kid: string }[] };
    return (await verifyJwt(token, { keyFor: keysFromJwks(jwks), issuer: 'mercato', audience: 'mercato-api' })).sub;
  };

  before(async () => {
    await google.start();
    await facebook.start();
    db = await createTestDatabase('auth_oauth');
    svc = await startAuth(db.url, {
      AUTH_GOOGLE_CLIENT_ID: GOOGLE.clientId,
      AUTH_GOOGLE_CLIENT_SECRET: GOOGLE.clientSecret,
      AUTH_GOOGLE_ISSUER: google.issuer,
      AUTH_FACEBOOK_CLIENT_ID: FACEBOOK.clientId,
      AUTH_FACEBOOK_CLIENT_SECRET: FACEBOOK.clientSecret,
      AUTH_FACEBOOK_AUTHORIZE_URL: `${facebook.base}/dialog/oauth`,
      AUTH_FACEBOOK_GRAPH_URL: `${facebook.base}/graph`,
      AUTH_OAUTH_REDIRECT_BASE: REDIRECT_BASE,
      AUTH_OAUTH_SUCCESS_URL: SUCCESS_URL,
    });
  });

  after(async () => {
    await svc?.stop();
    await db?.drop();
    await google.stop();
    await facebook.stop();
  });

  it('starts a Google sign-in: exact redirect_uri, PKCE S256, nonce and state kept only as a hash', async () => {
    const url = await start('google');
    assert.equal(`${url.origin}${url.pathname}`, `${google.issuer}/authorize`);
    const q = url.searchParams;
    assert.equal(q.get('redirect_uri'), 'http://shop.test/api/v1/auth/oauth/google/callback');
    assert.equal(q.get('response_type'), 'code');
    assert.equal(q.get('client_id'), GOOGLE.clientId);
    assert.equal(q.get('scope'), 'openid email profile');
    assert.equal(q.get('code_challenge_method'), 'S256');
    assert.match(q.get('code_challenge')!, /^[A-Za-z0-9_-]{43}$/);
    assert.match(q.get('state')!, /^[A-Za-z0-9_-]{43}$/);
    assert.match(q.get('nonce')!, /^[A-Za-z0-9_-]{43}$/);
    const row = await svc.db.query<{ state_hash: Buffer; nonce: string; code_verifier: string; ttl: number }>(
      `SELECT state_hash, nonce, code_verifier, extract(epoch FROM expires_at - created_at)::int AS ttl FROM oauth_states WHERE state_hash = $1`,
      [sha256(q.get('state')!)],
    );
    assert.equal(row.rows.length, 1, 'stored by the SHA-256 of the state');
    assert.equal(row.rows[0]!.nonce, q.get('nonce'));
    assert.equal(b64url(sha256(row.rows[0]!.code_verifier)), q.get('code_challenge'), 'the verifier stays here');
    assert.equal(row.rows[0]!.ttl, 600);
  });

  it('signs in with Google: creates the account once, tokens in the fragment; a second sign-in is the same user', async () => {
    google.person = { sub: 'google-ann', email: 'Ann@Example.com', email_verified: true, name: 'Ann Example' };
    const first = fragmentTokens(await signIn('google'));
    assert.match(first.refreshToken, /^[A-Za-z0-9_-]{43}$/);
    assert.equal(first.expiresIn, '900');
    const userId = await sub(first.accessToken);
    const refreshed = await post('/auth/refresh', { refreshToken: first.refreshToken });
    assert.equal(refreshed.status, 200, 'the refresh token is a normal session');

    const events = await outboxEvents(svc, 'UserRegistered');
    assert.deepEqual(events.map((e) => e.data), [
      { userId, email: 'ann@example.com', name: 'Ann Example', emailVerified: true, method: 'google', roles: ['customer'] },
    ]);
    assert.equal((await outboxEvents(svc, 'EmailVerificationRequested')).length, 0, 'Google verified the email');
    const cred = await svc.db.query<{ email_verified: boolean; password_hash: string }>('SELECT email_verified, password_hash FROM credentials WHERE user_id = $1', [userId]);
    assert.deepEqual(cred.rows[0], { email_verified: true, password_hash: '' });

    const second = fragmentTokens(await signIn('google'));
    assert.equal(await sub(second.accessToken), userId);
    assert.equal((await outboxEvents(svc, 'UserRegistered')).length, 1, 'no second UserRegistered');
    assert.equal(await count(`SELECT count(*) AS n FROM oauth_links WHERE provider = 'google' AND subject = 'google-ann'`), 1);
  });

  it('refuses an unknown, reused, expired or other provider\'s state with 400 invalid_state, changing nothing', async () => {
    google.person = { sub: 'google-bob', email: 'bob@example.com', email_verified: true, name: 'Bob' };
    const atProvider = await get((await start('google')).toString());
    const callback = new URL(toService(atProvider.headers.get('location')!));
    const state = callback.searchParams.get('state')!;
    const before = await counts();

    const unknown = new URL(callback);
    unknown.searchParams.set('state', b64url(randomBytes(32)));
    await problem(await get(unknown.toString()), 400, 'invalid_state');

    const otherProvider = new URL(callback.toString().replace('/google/callback', '/facebook/callback'));
    await problem(await get(otherProvider.toString()), 400, 'invalid_state');
    assert.deepEqual(await counts(), before);

    await svc.db.query(`UPDATE oauth_states SET expires_at = now() - interval '1 second' WHERE state_hash = $1`, [sha256(state)]);
    await problem(await get(callback.toString()), 400, 'invalid_state');
    assert.deepEqual(await counts(), before, 'an expired state changes nothing');
    await svc.db.query(`UPDATE oauth_states SET expires_at = now() + interval '5 minutes' WHERE state_hash = $1`, [sha256(state)]);

    fragmentTokens(await get(callback.toString()));
    const afterUse = await counts();
    await problem(await get(callback.toString()), 400, 'invalid_state');
    assert.deepEqual(await counts(), afterUse, 'a reused state changes nothing');
  });

  for (const [tamper, why] of [
    ['bad-signature', /signature/],
    ['wrong-nonce', /nonce/],
    ['wrong-audience', /another client/],
    ['expired', /expired/],
    ['hs256-with-the-secret', /RS256|not valid|verified/],
    ['alg-none', /RS256|not valid|verified/],
  ] as const) {
    it(`refuses an id_token with ${tamper}: 401, nothing created`, async () => {
      google.person = { sub: `google-${tamper}`, email: `${tamper}@example.com`, email_verified: true, name: 'Mallory' };
      google.tamper = tamper;
      try {
        const before = await counts();
        const res = await signIn('google');
        const body = (await res.json()) as { code: string; detail: string };
        assert.equal(res.status, 401);
        assert.equal(body.code, 'oauth_refused');
        assert.match(body.detail, why);
        assert.deepEqual(await counts(), before);
      } finally {
        google.tamper = 'none';
      }
    });
  }

  it('links an existing password account only when the provider asserts the email is verified', async () => {
    const reg = await post('/auth/register', { email: 'carol@example.com', password: 'violet-tundra-93-kayak', name: 'Carol' });
    assert.equal(reg.status, 201);
    const carol = await sub(((await reg.json()) as { accessToken: string }).accessToken);
    const registered = (await outboxEvents(svc, 'UserRegistered')).length;

    google.person = { sub: 'google-carol', email: 'CAROL@example.com', email_verified: false, name: 'Carol G' };
    const before = await counts();
    await problem(await signIn('google'), 409, 'account_exists_unverified_email');
    assert.deepEqual(await counts(), before, 'no link, no session');

    google.person = { ...google.person, email_verified: true };
    const linked = fragmentTokens(await signIn('google'));
    assert.equal(await sub(linked.accessToken), carol, 'the same account');
    assert.equal((await outboxEvents(svc, 'UserRegistered')).length, registered, 'no new account');
    assert.equal(await count(`SELECT count(*) AS n FROM oauth_links WHERE user_id = $1`, [carol]), 1);
    const proven = (await outboxEvents(svc, 'EmailVerified')).filter((e) => e.data.userId === carol);
    assert.deepEqual(proven.map((e) => e.data), [{ userId: carol, email: 'carol@example.com', via: 'google' }], 'the profile learns the address is proven');
    // The password was set by whoever registered the still-unproven address: it no longer works.
    const login = await post('/auth/login', { email: 'carol@example.com', password: 'violet-tundra-93-kayak' });
    assert.equal(login.status, 401);
    const refresh = await post('/auth/refresh', { refreshToken: linked.refreshToken });
    assert.equal(refresh.status, 200, 'the new session works');
  });

  it('keeps the password of an already verified account it links', async () => {
    const reg = await post('/auth/register', { email: 'dan@example.com', password: 'violet-tundra-93-kayak', name: 'Dan' });
    const dan = await sub(((await reg.json()) as { accessToken: string }).accessToken);
    await svc.db.query('UPDATE credentials SET email_verified = true WHERE user_id = $1', [dan]);
    google.person = { sub: 'google-dan', email: 'dan@example.com', email_verified: true, name: 'Dan' };
    assert.equal(await sub(fragmentTokens(await signIn('google')).accessToken), dan);
    assert.equal((await post('/auth/login', { email: 'dan@example.com', password: 'violet-tundra-93-kayak' })).status, 200);
  });

  it('signs in with Facebook: the dialog URL is exact, the account is created with method facebook', async () => {
    const url = await start('facebook');
    assert.equal(`${url.origin}${url.pathname}`, `${facebook.base}/dialog/oauth`);
    assert.equal(url.searchParams.get('redirect_uri'), 'http://shop.test/api/v1/auth/oauth/facebook/callback');
    assert.equal(url.searchParams.get('scope'), 'email public_profile');
    assert.equal(url.searchParams.get('code_challenge_method'), 'S256');
    assert.equal(url.searchParams.get('nonce'), null);

    facebook.person = { id: '10150000001', name: 'Erin Fb', email: 'erin@example.com' };
    const t = fragmentTokens(await signIn('facebook'));
    const erin = await sub(t.accessToken);
    const events = (await outboxEvents(svc, 'UserRegistered')).filter((e) => e.data.userId === erin);
    assert.deepEqual(events.map((e) => e.data), [
      { userId: erin, email: 'erin@example.com', name: 'Erin Fb', emailVerified: true, method: 'facebook', roles: ['customer'] },
    ]);
    assert.equal(await sub(fragmentTokens(await signIn('facebook')).accessToken), erin, 'signs the same user in again');

    facebook.person = { id: '10150000002', name: 'No Email' };
    const before = await counts();
    await problem(await signIn('facebook'), 422, 'email_required');
    assert.deepEqual(await counts(), before);
  });

  it('sends a sign-in declined at the provider back to the app with the error, using up the state', async () => {
    const url = await start('google');
    const state = url.searchParams.get('state')!;
    const back = `${svc.url}/auth/oauth/google/callback?error=access_denied&state=${state}`;
    const res = await get(back);
    assert.equal(res.status, 302);
    assert.equal(res.headers.get('location'), `${SUCCESS_URL}#error=access_denied`);
    await problem(await get(back), 400, 'invalid_state');
  });

  it('refuses unknown and oversized callback parameters', async () => {
    await problem(await get(`${svc.url}/auth/oauth/google/callback?code=x&state=y&extra=1`), 400, 'invalid_data');
    await problem(await get(`${svc.url}/auth/oauth/google/callback?code=${'x'.repeat(3000)}&state=y`), 400, 'invalid_data');
    await problem(await get(`${svc.url}/auth/oauth/github/start`), 400, 'invalid_data');
  });

  it('answers 404 for a provider without a client id', async () => {
    const bare = await startAuth(db.url, {});
    try {
      await problem(await get(`${bare.url}/auth/oauth/google/start`), 404, 'not_found');
      await problem(await get(`${bare.url}/auth/oauth/facebook/callback?code=x&state=y`), 404, 'not_found');
    } finally {
      await bare.stop();
    }
  });
});

/** Cookies of one browser (path and expiry ignored: the provider is the only site visited). */
class CookieJar {
  private readonly cookies = new Map<string, string>();
  take(res: Response): void {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1).trim());
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

describe('sign-in with Google through a real OpenID provider (oidc-provider)', { skip: skipUnless('postgres') }, () => {
  let db: TestDatabase;
  let svc: RunningService;
  let issuer: string;
  const server = createServer();
  const accounts: Record<string, { email: string; email_verified: boolean; name: string }> = {
    'op-user-1': { email: 'Fay@Example.org', email_verified: true, name: 'Fay Provider' },
  };

  before(async () => {
    issuer = await listen(server);
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const provider = new Provider(issuer, {
      clients: [
        {
          client_id: GOOGLE.clientId,
          client_secret: GOOGLE.clientSecret,
          redirect_uris: [`${REDIRECT_BASE}/auth/oauth/google/callback`],
          response_types: ['code'],
          grant_types: ['authorization_code'],
          token_endpoint_auth_method: 'client_secret_post',
        },
      ],
      pkce: { methods: ['S256'], required: () => true },
      jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'op-1', use: 'sig', alg: 'RS256' }] },
      cookies: { keys: [randomBytes(32).toString('hex')] },
      claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
      // The service reads the profile from the id_token, as it does with Google's.
      conformIdTokenClaims: false,
      features: { devInteractions: { enabled: true } },
      ttl: { AuthorizationCode: 60, AccessToken: 600, IdToken: 600, Interaction: 600, Session: 3600, Grant: 3600 },
      findAccount: (_ctx, id) => {
        const account = accounts[id];
        return account && { accountId: id, claims: () => ({ sub: id, ...account }) };
      },
    });
    server.on('request', provider.callback());
    db = await createTestDatabase('auth_oauth_op');
    svc = await startAuth(db.url, {
      AUTH_GOOGLE_CLIENT_ID: GOOGLE.clientId,
      AUTH_GOOGLE_CLIENT_SECRET: GOOGLE.clientSecret,
      AUTH_GOOGLE_ISSUER: issuer,
      AUTH_OAUTH_REDIRECT_BASE: REDIRECT_BASE,
      AUTH_OAUTH_SUCCESS_URL: SUCCESS_URL,
    });
  });

  after(async () => {
    await svc?.stop();
    await db?.drop();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  /** A browser: follows the provider's redirects with its cookies, signs in and consents. */
  async function browse(accountId: string): Promise<Response> {
    const jar = new CookieJar();
    const start = await fetch(`${svc.url}/auth/oauth/google/start`, { redirect: 'manual' });
    assert.equal(start.status, 302);
    let url = start.headers.get('location')!;
    assert.equal(new URL(url).searchParams.get('redirect_uri'), `${REDIRECT_BASE}/auth/oauth/google/callback`);
    for (let hop = 0; hop < 12; hop++) {
      if (url.startsWith(`${REDIRECT_BASE}/`)) {
        // Back at the service (through the gateway's public base).
        return fetch(`${svc.url}${url.slice(REDIRECT_BASE.length)}`, { redirect: 'manual' });
      }
      const res = await fetch(url, { redirect: 'manual', headers: { cookie: jar.header() } });
      jar.take(res);
      if (res.status >= 300 && res.status < 400) {
        url = new URL(res.headers.get('location')!, url).toString();
        continue;
      }
      assert.equal(res.status, 200, await res.clone().text());
      const page = await res.text();
      // The provider's interaction page: a login form, then a consent form.
      const prompt = /name="prompt" value="(\w+)"/.exec(page)?.[1];
      const body: Record<string, string> = prompt === 'login' ? { prompt, login: accountId, password: 'any' } : { prompt: 'consent' };
      assert.ok(prompt === 'login' || prompt === 'consent', page.slice(0, 500));
      const submit = await fetch(url, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(body).toString(),
      });
      jar.take(submit);
      assert.ok(submit.status >= 300 && submit.status < 400, `${submit.status} ${await submit.clone().text()}`);
      url = new URL(submit.headers.get('location')!, url).toString();
    }
    throw new Error('too many redirects');
  }

  it('creates the account once from a verified email; a second sign-in is the same user, no second UserRegistered', async () => {
    const first = await browse('op-user-1');
    assert.equal(first.status, 302, await first.clone().text());
    const to = new URL(first.headers.get('location')!);
    assert.equal(`${to.origin}${to.pathname}`, SUCCESS_URL);
    assert.equal(to.search, '');
    const tokens = new URLSearchParams(to.hash.slice(1));
    const jwks = (await (await fetch(`${svc.url}/.well-known/jwks.json`)).json()) as { keys: { kid: string }[] };
    const claims = await verifyJwt(tokens.get('accessToken')!, { keyFor: keysFromJwks(jwks), issuer: 'mercato', audience: 'mercato-api' });
    const events = await outboxEvents(svc, 'UserRegistered');
    assert.deepEqual(events.map((e) => e.data), [
      { userId: claims.sub, email: 'fay@example.org', name: 'Fay Provider', emailVerified: true, method: 'google', roles: ['customer'] },
    ]);

    const second = await browse('op-user-1');
    const again = new URLSearchParams(new URL(second.headers.get('location')!).hash.slice(1));
    const claims2 = await verifyJwt(again.get('accessToken')!, { keyFor: keysFromJwks(jwks), issuer: 'mercato', audience: 'mercato-api' });
    assert.equal(claims2.sub, claims.sub);
    assert.equal((await outboxEvents(svc, 'UserRegistered')).length, 1);
    const links = await svc.db.query<{ subject: string; user_id: string }>('SELECT subject, user_id FROM oauth_links');
    assert.deepEqual(links.rows, [{ subject: 'op-user-1', user_id: claims.sub }]);
  });
});
