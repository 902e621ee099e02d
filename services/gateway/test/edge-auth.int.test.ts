import assert from 'node:assert/strict';
import type { IncomingHttpHeaders } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { createLogger } from '@mercato/chassis';
import { createTestSigner, listenJwks, skipUnless, TEST_REDIS_URL, uniqueName, type TestJwksServer } from '@mercato/chassis/testing';
import { startGateway, type RunningGateway } from '../src/gateway.js';
import { RedisRateStore } from '../src/rate-limit.js';
import { listenHttp, raw, type Listening } from './upstreams.js';

const logger = createLogger({ service: 'test', level: process.env.LOG_LEVEL ?? 'silent' });
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

describe('gateway: verified identity and rate limits', () => {
  const signer = createTestSigner();
  let auth: TestJwksServer;
  let review: Listening;
  let gw: RunningGateway;
  const seen: IncomingHttpHeaders[] = [];

  const start = (env: Record<string, string>, extra: Parameters<typeof startGateway>[0] = {}) =>
    startGateway({ logger, env: { GATEWAY_PORT: '0', ...env }, upstreams: { auth: auth.url, review: review.url }, ...extra });

  before(async () => {
    // The auth upstream: serves the JWKS at the path the gateway reads.
    auth = await listenJwks([signer.jwk]);
    review = await listenHttp((req, res) => {
      seen.push(req.headers);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
    gw = await start({ GATEWAY_RATE_LIMIT_IP: '100000/min' });
  });
  after(async () => {
    await gw.stop();
    await review.close();
    await auth.close();
  });

  const call = (token: string | undefined, headers: Record<string, string> = {}, g = gw) =>
    raw(`${g.url}/api/v1/reviews/x`, { headers: { ...(token === undefined ? {} : { authorization: `Bearer ${token}` }), ...headers } });

  it('anonymous requests pass, without identity headers and without reading the keys', async () => {
    seen.length = 0;
    const res = await call(undefined, { 'x-verified-user-id': 'usr_admin', 'x-verified-roles': 'admin' });
    assert.equal(res.status, 200);
    assert.equal(seen.length, 1);
    assert.equal(seen[0]!['x-verified-user-id'], undefined);
    assert.equal(seen[0]!['x-verified-roles'], undefined);
    assert.equal(auth.hits, 0);
  });

  it('a valid token: the upstream gets the token and the verified identity; a forged identity header is replaced', async () => {
    seen.length = 0;
    const token = signer.sign({ sub: 'usr_42', roles: ['customer', 'support'] });
    const res = await call(token, { 'x-verified-user-id': 'usr_admin', 'x-verified-roles': 'admin' });
    assert.equal(res.status, 200);
    assert.equal(seen[0]!['x-verified-user-id'], 'usr_42');
    assert.equal(seen[0]!['x-verified-roles'], 'customer,support');
    assert.equal(seen[0]!.authorization, `Bearer ${token}`);
    // Verified once: the second call is served from the token cache, no new key fetch.
    const hits = auth.hits;
    assert.equal((await call(token)).status, 200);
    assert.equal(auth.hits, hits);
    assert.equal(seen[1]!['x-verified-user-id'], 'usr_42');
  });

  it('refuses bad tokens with 401 problem+json at the edge; the upstream is never called', async () => {
    const claims = { iss: 'mercato', aud: 'mercato-api', sub: 'usr_1', roles: ['admin'], iat: 1, exp: 4_000_000_000, jti: 'j' };
    const valid = signer.sign({ sub: 'usr_1' });
    const [h, , s] = valid.split('.');
    const hsInput = `${b64({ alg: 'HS256', kid: signer.kid })}.${b64(claims)}`;
    const { createHmac } = await import('node:crypto');
    const hs256 = `${hsInput}.${createHmac('sha256', signer.publicKey.export({ format: 'pem', type: 'spki' })).update(hsInput).digest('base64url')}`;
    const past = Math.floor(Date.now() / 1000) - 3600;
    await call(valid); // now cached: the tampered one below shares its signature
    seen.length = 0;
    const cases: [string, string][] = [
      ['alg none', `${b64({ alg: 'none', kid: signer.kid })}.${b64(claims)}.`],
      ['HS256 with the public key', hs256],
      ['unknown kid', createTestSigner('key_unknown').sign()],
      ['expired', signer.sign({ iat: past - 900, exp: past })],
      ['tampered payload', `${h}.${b64(claims)}.${s}`],
      ['wrong audience', signer.sign({ aud: 'elsewhere' })],
      ['garbage', 'not-a-jwt'],
    ];
    for (const [what, token] of cases) {
      const res = await call(token);
      assert.equal(res.status, 401, what);
      assert.match(String(res.headers['content-type']), /application\/problem\+json/, what);
      assert.equal(JSON.parse(res.body.toString()).code, 'unauthorized', what);
      assert.match(String(res.headers['www-authenticate']), /^Bearer /, what);
      assert.equal(res.headers['cache-control'], 'no-store', what);
      assert.equal(res.headers['x-content-type-options'], 'nosniff', what);
      assert.equal(res.headers['referrer-policy'], 'no-referrer', what);
    }
    const basic = await raw(`${gw.url}/api/v1/reviews/x`, { headers: { authorization: 'Basic dXNlcjpwYXNz' } });
    assert.equal(basic.status, 401);
    assert.equal(seen.length, 0, 'the upstream was never called');
  });

  it('leaves the auth routes to auth: an expired token does not block a refresh at the edge', async () => {
    const past = Math.floor(Date.now() / 1000) - 3600;
    const expired = signer.sign({ iat: past - 900, exp: past });
    const res = await raw(`${gw.url}/api/v1/auth/refresh`, { headers: { authorization: `Bearer ${expired}` } });
    // The stand-in auth upstream serves only its JWKS: a 404 from it shows the request got through.
    assert.equal(res.status, 404);
    assert.equal(res.headers['www-authenticate'], undefined);
  });

  it('per-IP limit: 429 problem+json with Retry-After and RateLimit-* headers, upstream not called', async () => {
    const limited = await start({ GATEWAY_RATE_LIMIT_IP: '3/h' });
    try {
      for (let i = 0; i < 3; i++) assert.equal((await call(undefined, {}, limited)).status, 200);
      seen.length = 0;
      const res = await call(undefined, {}, limited);
      assert.equal(res.status, 429);
      assert.equal(JSON.parse(res.body.toString()).code, 'rate_limited');
      assert.equal(res.headers['ratelimit-limit'], '3');
      assert.equal(res.headers['ratelimit-remaining'], '0');
      assert.ok(Number(res.headers['retry-after']) >= 1 && Number(res.headers['retry-after']) <= 3600);
      assert.equal(res.headers['ratelimit-reset'], res.headers['retry-after']);
      assert.equal(seen.length, 0);
    } finally {
      await limited.stop();
    }
  });

  it('per-user limit counts each user apart', async () => {
    const limited = await start({ GATEWAY_RATE_LIMIT_IP: '1000/h', GATEWAY_RATE_LIMIT_USER: '2/h' });
    try {
      const alice = signer.sign({ sub: 'usr_alice' });
      const bob = signer.sign({ sub: 'usr_bob' });
      assert.equal((await call(alice, {}, limited)).status, 200);
      assert.equal((await call(alice, {}, limited)).status, 200);
      const res = await call(alice, {}, limited);
      assert.equal(res.status, 429);
      assert.equal(res.headers['ratelimit-limit'], '2');
      assert.equal((await call(bob, {}, limited)).status, 200);
    } finally {
      await limited.stop();
    }
  });

  it('refuses a token signed before its user reset the password (an older session generation), cached or not', async () => {
    const fresh = await start({ GATEWAY_RATE_LIMIT_IP: '1000/h' });
    try {
      const old = signer.sign({ sub: 'usr_reset', sgen: 0 });
      const current = signer.sign({ sub: 'usr_reset', sgen: 1 });
      const bystander = signer.sign({ sub: 'usr_other' });
      auth.generations = [{ userId: 'usr_reset', generation: 1, changedAt: new Date().toISOString() }];
      seen.length = 0;
      const refused = await call(old, {}, fresh);
      assert.equal(refused.status, 401);
      assert.match(JSON.parse(refused.body.toString()).detail, /revoked/);
      assert.equal((await call(current, {}, fresh)).status, 200);
      assert.equal((await call(bystander, {}, fresh)).status, 200);
      assert.equal((await call(old, {}, fresh)).status, 401, 'again, from the verified-token cache');
      assert.equal(seen.length, 2, 'the revoked token never reached the upstream');
      // A change older than an access-token lifetime concerns only expired tokens.
      auth.generations = [{ userId: 'usr_reset', generation: 1, changedAt: new Date(Date.now() - 3_600_000).toISOString() }];
      const later = await start({ GATEWAY_RATE_LIMIT_IP: '1000/h' });
      try {
        assert.equal((await call(old, {}, later)).status, 200);
      } finally {
        await later.stop();
      }
    } finally {
      auth.generations = [];
      await fresh.stop();
    }
  });

  it('answers 503 when no key could ever be fetched, and keeps serving cached keys while auth is down', async () => {
    const fresh = await start({ GATEWAY_RATE_LIMIT_IP: '1000/h' });
    try {
      auth.down = true;
      const res = await call(signer.sign(), {}, fresh);
      assert.equal(res.status, 503);
      assert.equal(JSON.parse(res.body.toString()).code, 'auth_unavailable');
      // gw read the keys earlier: a new token still verifies.
      assert.equal((await call(signer.sign({ sub: 'usr_down' }))).status, 200);
    } finally {
      auth.down = false;
      await fresh.stop();
    }
  });

  describe('shared through Redis', { skip: skipUnless('redis') }, () => {
    it('two gateways share one per-IP limit', async () => {
      const prefix = `${uniqueName('test_rl')}:`;
      const stores = [new RedisRateStore(TEST_REDIS_URL, prefix), new RedisRateStore(TEST_REDIS_URL, prefix)];
      const a = await start({ GATEWAY_RATE_LIMIT_IP: '4/h' }, { rateStore: stores[0] });
      const b = await start({ GATEWAY_RATE_LIMIT_IP: '4/h' }, { rateStore: stores[1] });
      try {
        for (const g of [a, b, a, b]) assert.equal((await call(undefined, {}, g)).status, 200);
        for (const g of [a, b]) {
          const res = await call(undefined, {}, g);
          assert.equal(res.status, 429);
          assert.equal(res.headers['ratelimit-limit'], '4');
        }
      } finally {
        await a.stop();
        await b.stop();
        for (const s of stores) await s.close();
      }
    });
  });
});
