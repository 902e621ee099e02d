import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createHttpApp, type HttpApp } from '../http/create-app.js';
import { createLogger } from '../logger.js';
import { createTestSigner, listenJwks, type TestJwksServer } from '../testing/tokens.js';
import { createAuthenticator, requireRole, requireSelfOr, roleGuard } from './identity.js';

describe('identity', () => {
  const signer = createTestSigner();
  let jwks: TestJwksServer;
  let app: HttpApp;
  before(async () => {
    jwks = await listenJwks([signer.jwk]);
    const auth = createAuthenticator({ settings: { jwksUrl: `${jwks.url}/.well-known/jwks.json`, issuer: 'mercato', audience: 'mercato-api' } });
    app = await createHttpApp({ service: 'test', logger: createLogger({ service: 'test', level: 'silent' }), requireOperations: false });
    app.get('/public', async () => ({ ok: true }));
    app.get('/me', async (req) => {
      const who = await auth.authenticate(req);
      return { userId: who.userId, roles: who.roles };
    });
    app.get('/admin', { preHandler: [auth.requireUser, roleGuard('admin')] }, async (req) => ({ userId: req.identity!.userId }));
    await app.ready();
  });
  after(async () => {
    await app.close();
    await jwks.close();
  });

  it('fetches no keys until a route authenticates', async () => {
    assert.equal((await app.inject({ url: '/public' })).statusCode, 200);
    assert.equal(jwks.hits, 0);
  });

  it('returns the verified identity', async () => {
    const res = await app.inject({ url: '/me', headers: { authorization: `Bearer ${signer.sign({ sub: 'usr_9', roles: ['customer'] })}` } });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), { userId: 'usr_9', roles: ['customer'] });
  });

  it('answers 401 problem+json with WWW-Authenticate for missing, malformed, expired tokens', async () => {
    const past = Math.floor(Date.now() / 1000) - 3600;
    for (const authorization of [undefined, 'Basic abc', `Bearer ${signer.sign({ exp: past, iat: past - 900 })}`, 'Bearer a.b.c']) {
      const res = await app.inject({ url: '/me', headers: authorization ? { authorization } : {} });
      assert.equal(res.statusCode, 401, String(authorization));
      assert.match(String(res.headers['content-type']), /application\/problem\+json/);
      assert.equal(res.json().code, 'unauthorized');
      assert.match(String(res.headers['www-authenticate']), /^Bearer/);
    }
  });

  it('role guard: 403 without the role, 200 with it', async () => {
    const customer = await app.inject({ url: '/admin', headers: { authorization: `Bearer ${signer.sign({ roles: ['customer'] })}` } });
    assert.equal(customer.statusCode, 403);
    assert.equal(customer.json().code, 'forbidden');
    const admin = await app.inject({ url: '/admin', headers: { authorization: `Bearer ${signer.sign({ sub: 'usr_a', roles: ['admin'] })}` } });
    assert.deepEqual(admin.json(), { userId: 'usr_a' });
  });

  it('requireRole and requireSelfOr', () => {
    const me = { userId: 'usr_1', roles: ['customer'], expiresAt: 0 };
    assert.throws(() => requireRole(me, 'admin'), { status: 403 });
    assert.equal(requireSelfOr(me, 'usr_1', 'admin'), me);
    assert.throws(() => requireSelfOr(me, 'usr_2', 'support'), { status: 403 });
  });
});
