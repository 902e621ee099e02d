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

function refused(token: string, code: string) {
  assert.throws(() => verifyJwt(token, opts), (err: unknown) => err instanceof JwtError && err.code === code);
}

describe('jwt-verify', () => {
  it('verifies an EdDSA token and returns its claims', () => {
    const claims = verifyJwt(signer.sign(base), opts);
    assert.equal(claims.sub, 'usr_1');
    assert.deepEqual(claims.roles, ['customer']);
  });

  it('refuses alg none and HS256 before looking up any key', () => {
    let lookups = 0;
    const counting = { ...opts, keyFor: (kid: string) => (lookups++, opts.keyFor(kid)) };
    const hs = `${b64({ alg: 'HS256', kid: 'key_1' })}.${b64(base)}`;
    const secret = signer.publicKey.export({ format: 'pem', type: 'spki' });
    for (const token of [`${b64({ alg: 'none', kid: 'key_1' })}.${b64(base)}.`, `${hs}.${createHmac('sha256', secret).update(hs).digest('base64url')}`]) {
      assert.throws(() => verifyJwt(token, counting), (err: unknown) => err instanceof JwtError && err.code === 'unsupported_alg');
      assert.throws(() => readJwtKid(token), (err: unknown) => err instanceof JwtError && err.code === 'unsupported_alg');
    }
    assert.equal(lookups, 0);
  });

  it('refuses an unknown kid, a foreign key, a tampered payload', () => {
    refused(createTestSigner('key_x').sign(base), 'unknown_kid');
    refused(createTestSigner('key_1').sign(base), 'bad_signature');
    const [h, , s] = signer.sign(base).split('.');
    refused(`${h}.${b64({ ...base, iss: 'mercato', aud: 'mercato-api', roles: ['admin'] })}.${s}`, 'bad_signature');
  });

  it('checks exp, nbf (with leeway), iss and aud', () => {
    refused(signer.sign({ ...base, exp: now - 31 }), 'expired');
    assert.equal(verifyJwt(signer.sign({ ...base, exp: now - 29 }), opts).sub, 'usr_1');
    refused(signer.sign({ ...base, nbf: now + 120 }), 'not_yet_valid');
    refused(signer.sign({ ...base, iss: 'evil' }), 'wrong_issuer');
    refused(signer.sign({ ...base, aud: 'other' }), 'wrong_audience');
  });

  it('refuses garbage', () => {
    refused('a.b', 'malformed');
    refused('!!.e30.', 'malformed');
    refused(`${b64({ alg: 'EdDSA' })}.${b64(base)}.sig`, 'malformed');
  });
});
