import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createHttpApp, type HttpApp } from '../http/create-app.js';
import { createLogger } from '../logger.js';
import { createTestSigner, listenJwks, type TestJwksServer } from '../testing/tokens.js';
import { optionalIdentity, requires, signedIn } from './guards.js';
import { callerOf, createAuthenticator } from './identity.js';

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
    const deps = { authenticator: auth };
    app.get('/admin', { ...requires(deps, 'users:roles:write') }, async (req) => ({ userId: callerOf(req).userId }));
    app.get('/mine', { ...signedIn(deps) }, async (req) => ({ userId: callerOf(req).userId }));
    app.get('/maybe', { ...optionalIdentity(deps) }, async (req) => ({ userId: req.identity?.userId ?? null }));
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

  it('requires: 401 without a token, 403 without the permission, the caller with it', async () => {
    assert.equal((await app.inject({ url: '/admin' })).statusCode, 401);
    for (const roles of [['customer'], ['support'], ['catalog_manager'], ['root']]) {
      const res = await app.inject({ url: '/admin', headers: { authorization: `Bearer ${signer.sign({ roles })}` } });
      assert.equal(res.statusCode, 403, roles.join());
      assert.equal(res.json().code, 'forbidden');
    }
    const admin = await app.inject({ url: '/admin', headers: { authorization: `Bearer ${signer.sign({ sub: 'usr_a', roles: ['admin'] })}` } });
    assert.deepEqual(admin.json(), { userId: 'usr_a' });
  });

  it('signedIn takes any valid token; optionalIdentity takes none, or a valid one', async () => {
    assert.equal((await app.inject({ url: '/mine' })).statusCode, 401);
    const token = `Bearer ${signer.sign({ sub: 'usr_c', roles: ['customer'] })}`;
    assert.deepEqual((await app.inject({ url: '/mine', headers: { authorization: token } })).json(), { userId: 'usr_c' });
    assert.deepEqual((await app.inject({ url: '/maybe' })).json(), { userId: null });
    assert.deepEqual((await app.inject({ url: '/maybe', headers: { authorization: token } })).json(), { userId: 'usr_c' });
    assert.equal((await app.inject({ url: '/maybe', headers: { authorization: 'Bearer a.b.c' } })).statusCode, 401);
  });
});
