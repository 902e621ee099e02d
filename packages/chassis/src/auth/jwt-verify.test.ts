import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, it } from 'node:test';
import { createTestSigner } from '../testing/tokens.js';
import { JwtError, keysFromJwks, readJwtKid, verifyJwt } from './jwt-verify.js';

const signer = createTestSigner('key_1');
const now = 1_800_000_000;
const base = { sub: 'usr_1', roles: ['customer'], iat: now, exp: now + 900, jti: 'jti_1' };
const opts = { keyFor: keysFromJwks({ keys: [signer.jwk] }), issuer: 'mercato', audience: 'mercato-api', now };
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

async function refused(token: string, code: string) {
  await assert.rejects(verifyJwt(token, opts), (err: unknown) => err instanceof JwtError && err.code === code);
}

describe('jwt-verify', () => {
  it('verifies an EdDSA token and returns its claims', async () => {
    const claims = await verifyJwt(signer.sign(base), opts);
    assert.equal(claims.sub, 'usr_1');
    assert.deepEqual(claims.roles, ['customer']);
  });

  it('refuses alg none and HS256 before looking up any key', async () => {
    let lookups = 0;
    const counting = { ...opts, keyFor: (kid: string) => (lookups++, opts.keyFor(kid)) };
    const hs = `${b64({ alg: 'HS256', kid: 'key_1' })}.${b64(base)}`;
    const secret = signer.publicKey.export({ format: 'pem', type: 'spki' });
    for (const token of [`${b64({ alg: 'none', kid: 'key_1' })}.${b64(base)}.`, `${hs}.${createHmac('sha256', secret).update(hs).digest('base64url')}`]) {
      await assert.rejects(verifyJwt(token, counting), (err: unknown) => err instanceof JwtError && err.code === 'unsupported_alg');
      assert.throws(() => readJwtKid(token), (err: unknown) => err instanceof JwtError && err.code === 'unsupported_alg');
    }
    assert.equal(lookups, 0);
  });

  it('refuses an unknown kid, a foreign key, a tampered payload', async () => {
    await refused(createTestSigner('key_x').sign(base), 'unknown_kid');
    await refused(createTestSigner('key_1').sign(base), 'bad_signature');
    const [h, , s] = signer.sign(base).split('.');
    await refused(`${h}.${b64({ ...base, iss: 'mercato', aud: 'mercato-api', roles: ['admin'] })}.${s}`, 'bad_signature');
  });

  it('checks exp, nbf (with leeway), iss and aud', async () => {
    await refused(signer.sign({ ...base, exp: now - 31 }), 'expired');
    assert.equal((await verifyJwt(signer.sign({ ...base, exp: now - 29 }), opts)).sub, 'usr_1');
    await refused(signer.sign({ ...base, nbf: now + 120 }), 'not_yet_valid');
    await refused(signer.sign({ ...base, iss: 'evil' }), 'wrong_issuer');
    await refused(signer.sign({ ...base, aud: 'other' }), 'wrong_audience');
  });

  it('refuses garbage, missing claims, critical headers and a key of another type', async () => {
    await refused('a.b', 'malformed');
    await refused('!!.e30.', 'malformed');
    await refused(`${b64({ alg: 'EdDSA' })}.${b64(base)}.sig`, 'malformed');
    await refused(signer.sign({ ...base, jti: undefined }), 'malformed');
    await refused(signer.sign({ ...base, exp: undefined }), 'malformed');
    await refused(signer.sign({ ...base, roles: 'admin' as unknown as string[] }), 'malformed');
    await refused(signer.sign({ ...base, sgen: -1 }), 'malformed');
    await refused(signer.sign(base, { crit: ['exp'] }), 'malformed');
    const { generateKeyPairSync } = await import('node:crypto');
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey;
    await assert.rejects(verifyJwt(signer.sign(base), { ...opts, keyFor: () => rsa }), (err: unknown) => err instanceof JwtError && err.code === 'unknown_kid');
  });
});
