import assert from 'node:assert/strict';
import { createHmac, generateKeyPairSync } from 'node:crypto';
import { describe, it } from 'node:test';
import { JwtError, keysFromJwks, signJwt, toPublicJwk, verifyJwt, type AccessClaims } from './jwt.js';

const { publicKey, privateKey } = generateKeyPairSync('ed25519');
const other = generateKeyPairSync('ed25519');
const kid = 'key_1';
const now = 1_800_000_000;
const claims: AccessClaims = { iss: 'mercato', aud: 'mercato-api', sub: 'usr_1', roles: ['customer'], iat: now, exp: now + 900, jti: 'jti_1' };
const keyFor = keysFromJwks({ keys: [toPublicJwk(publicKey, kid)] });
const opts = { keyFor, issuer: 'mercato', audience: 'mercato-api', now };
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

function refused(token: string, code: string, o: Partial<typeof opts> = {}) {
  assert.throws(() => verifyJwt(token, { ...opts, ...o }), (err: unknown) => err instanceof JwtError && err.code === code);
}

describe('jwt', () => {
  it('signs with EdDSA and a kid, and verifies', () => {
    const token = signJwt(claims, { kid, privateKey });
    assert.deepEqual(JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString()), { alg: 'EdDSA', typ: 'JWT', kid });
    assert.deepEqual(verifyJwt(token, opts), claims);
  });

  it('refuses alg none', () => {
    refused(`${b64({ alg: 'none', kid })}.${b64(claims)}.`, 'unsupported_alg');
  });

  it('refuses an HS256 token whose secret is the public key', () => {
    const secret = publicKey.export({ format: 'pem', type: 'spki' });
    const input = `${b64({ alg: 'HS256', kid })}.${b64(claims)}`;
    refused(`${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`, 'unsupported_alg');
  });

  it('refuses an unknown kid and a key that did not sign', () => {
    refused(signJwt(claims, { kid: 'key_x', privateKey }), 'unknown_kid');
    refused(signJwt(claims, { kid, privateKey: other.privateKey }), 'bad_signature');
  });

  it('refuses an expired or not-yet-valid token', () => {
    refused(signJwt({ ...claims, exp: now - 31 }, { kid, privateKey }), 'expired');
    refused(signJwt({ ...claims, nbf: now + 120 }, { kid, privateKey }), 'not_yet_valid');
  });

  it('refuses a tampered payload', () => {
    const [h, , s] = signJwt(claims, { kid, privateKey }).split('.');
    refused(`${h}.${b64({ ...claims, roles: ['admin'] })}.${s}`, 'bad_signature');
  });

  it('refuses a wrong audience or issuer', () => {
    refused(signJwt({ ...claims, aud: 'other' }, { kid, privateKey }), 'wrong_audience');
    refused(signJwt({ ...claims, iss: 'evil' }, { kid, privateKey }), 'wrong_issuer');
  });

  it('refuses garbage', () => {
    refused('a.b', 'malformed');
    refused('!!.e30.', 'malformed');
  });
});
