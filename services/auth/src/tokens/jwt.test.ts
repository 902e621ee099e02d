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

async function refused(token: string | Promise<string>, code: string, o: Partial<typeof opts> = {}) {
  await assert.rejects(verifyJwt(await token, { ...opts, ...o }), (err: unknown) => err instanceof JwtError && err.code === code);
}

describe('jwt', () => {
  it('signs with EdDSA and a kid, and verifies', async () => {
    const token = await signJwt(claims, { kid, privateKey });
    assert.deepEqual(JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString()), { alg: 'EdDSA', typ: 'JWT', kid });
    assert.deepEqual(await verifyJwt(token, opts), claims);
  });

  it('refuses alg none', async () => {
    await refused(`${b64({ alg: 'none', kid })}.${b64(claims)}.`, 'unsupported_alg');
  });

  it('refuses an HS256 token whose secret is the public key', async () => {
    const secret = publicKey.export({ format: 'pem', type: 'spki' });
    const input = `${b64({ alg: 'HS256', kid })}.${b64(claims)}`;
    await refused(`${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`, 'unsupported_alg');
  });

  it('refuses an unknown kid and a key that did not sign', async () => {
    await refused(signJwt(claims, { kid: 'key_x', privateKey }), 'unknown_kid');
    await refused(signJwt(claims, { kid, privateKey: other.privateKey }), 'bad_signature');
  });

  it('refuses an expired or not-yet-valid token', async () => {
    await refused(signJwt({ ...claims, exp: now - 31 }, { kid, privateKey }), 'expired');
    await refused(signJwt({ ...claims, nbf: now + 120 }, { kid, privateKey }), 'not_yet_valid');
  });

  it('refuses a tampered payload', async () => {
    const [h, , s] = (await signJwt(claims, { kid, privateKey })).split('.');
    await refused(`${h}.${b64({ ...claims, roles: ['admin'] })}.${s}`, 'bad_signature');
  });

  it('refuses a wrong audience or issuer', async () => {
    await refused(signJwt({ ...claims, aud: 'other' }, { kid, privateKey }), 'wrong_audience');
    await refused(signJwt({ ...claims, iss: 'evil' }, { kid, privateKey }), 'wrong_issuer');
  });

  it('refuses garbage', async () => {
    await refused('a.b', 'malformed');
    await refused('!!.e30.', 'malformed');
  });
});
