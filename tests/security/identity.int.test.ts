import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac, createPublicKey } from 'node:crypto';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { eventually } from '@mercato/chassis/testing';

// Attacks on identity, through the gateway of a whole platform as `npm start` runs it (embedded
// PostgreSQL, every service, ports of its own), in a temp folder.

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const NAMES = ['gateway', 'auth', 'user', 'catalog', 'inventory', 'order', 'payment', 'review', 'notification'];
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
const json = { 'content-type': 'application/json' };

interface Tokens {
  accessToken: string;
  refreshToken: string;
}

describe('identity under attack, through the gateway', () => {
  let dir: string;
  let child: ChildProcess;
  let exit: Promise<unknown>;
  let api: string;
  let gateway: string;

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${api}${path}`, { method: 'POST', headers: { ...json, ...headers }, body: JSON.stringify(body) });
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const register = async (email: string): Promise<Tokens & { userId: string }> => {
    const res = await post('/auth/register', { email, password: 'a long and unusual passphrase', name: email.split('@')[0] });
    assert.equal(res.status, 201);
    const tokens = (await res.json()) as Tokens;
    const sub = JSON.parse(Buffer.from(tokens.accessToken.split('.')[1]!, 'base64url').toString()) as { sub: string };
    // Wait for the user service to have the profile (UserRegistered through the bus).
    await eventually(async () => (await fetch(`${api}/users/me`, { headers: bearer(tokens.accessToken) })).status === 200, 15_000, 100);
    return { ...tokens, userId: sub.sub };
  };

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mercato-security-'));
    await chmod(dir, 0o755); // under root PostgreSQL runs as `postgres` and must reach the folder
    const ports = Object.fromEntries(NAMES.map((n) => [`${n.toUpperCase()}_PORT`, '0']));
    child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', 'apps/platform/src/main.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        ...ports,
        MERCATO_DATA_DIR: join(dir, 'data'),
        MERCATO_READY_FILE: join(dir, 'ready.json'),
        LOG_LEVEL: 'warn',
        AUTH_SCRYPT_N: '1024', // the policy, not the hash cost, is under test here
        GATEWAY_RATE_LIMIT_IP: '100000/min',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    exit = new Promise((resolve) => child.once('exit', resolve));
    const ready = await eventually(async () => JSON.parse(await readFile(join(dir, 'ready.json'), 'utf8')) as { gateway: string }, 120_000, 100);
    gateway = ready.gateway;
    api = `${gateway}/api/v1`;
  });

  after(async () => {
    if (child && child.exitCode === null) {
      child.kill('SIGTERM');
      await exit;
    }
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('refuses forged, altered and foreign tokens with 401', async () => {
    const ann = await register('ann@example.com');
    const [h, p, s] = ann.accessToken.split('.') as [string, string, string];
    const header = JSON.parse(Buffer.from(h, 'base64url').toString()) as { kid: string };
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString()) as Record<string, unknown>;
    const jwks = (await (await fetch(`${gateway}/.well-known/jwks.json`)).json()) as { keys: { kid: string }[] };
    const publicPem = createPublicKey({ key: jwks.keys.find((k) => k.kid === header.kid)! as never, format: 'jwk' }).export({ type: 'spki', format: 'pem' });
    const hsInput = `${b64({ alg: 'HS256', typ: 'JWT', kid: header.kid })}.${p}`;
    const cases: [string, string][] = [
      ['alg none', `${b64({ alg: 'none', typ: 'JWT', kid: header.kid })}.${p}.`],
      ['HS256 signed with the public key', `${hsInput}.${createHmac('sha256', publicPem).update(hsInput).digest('base64url')}`],
      ['unknown kid', `${b64({ ...header, kid: 'key_nobody' })}.${p}.${s}`],
      ['expired (claims altered)', `${h}.${b64({ ...claims, exp: 1000, iat: 100 })}.${s}`],
      ['roles raised in the payload', `${h}.${b64({ ...claims, roles: ['admin'] })}.${s}`],
    ];
    assert.equal((await fetch(`${api}/users/me`, { headers: bearer(ann.accessToken) })).status, 200, 'the real token works');
    for (const [what, token] of cases) {
      const res = await fetch(`${api}/users/me`, { headers: bearer(token) });
      assert.equal(res.status, 401, what);
      assert.equal(((await res.json()) as { code: string }).code, 'unauthorized', what);
    }
  });

  it('revokes the whole family when a used refresh token comes back', async () => {
    const bob = await register('bob@example.com');
    const first = await post('/auth/refresh', { refreshToken: bob.refreshToken });
    assert.equal(first.status, 200);
    const rotated = (await first.json()) as Tokens;
    // The owner goes on (a refresh sent twice at once would get the same successor again, for a
    // few seconds, as long as that successor is unused; see the auth README).
    const next = await post('/auth/refresh', { refreshToken: rotated.refreshToken });
    assert.equal(next.status, 200);
    const newest = (await next.json()) as Tokens;
    assert.equal((await post('/auth/refresh', { refreshToken: bob.refreshToken })).status, 401, 'the used token, replayed');
    assert.equal((await post('/auth/refresh', { refreshToken: newest.refreshToken })).status, 401, 'the family is gone');
  });

  it("hides one user's addresses from another: 404, as for an id that does not exist", async () => {
    const cat = await register('cat@example.com');
    const dan = await register('dan@example.com');
    const created = await post('/users/me/addresses', { name: 'Cat', line1: '2 High Street', city: 'Leeds', postalCode: 'LS1 1AA', country: 'GB' }, bearer(cat.accessToken));
    assert.equal(created.status, 201);
    const { id } = (await created.json()) as { id: string };
    const theirs = await fetch(`${api}/users/me/addresses/${id}`, { headers: bearer(dan.accessToken) });
    const missing = await fetch(`${api}/users/me/addresses/adr_01JAAAAAAAAAAAAAAAAAAAAAAA`, { headers: bearer(dan.accessToken) });
    assert.equal(theirs.status, 404);
    assert.equal(missing.status, 404);
    const strip = (b: Record<string, unknown>) => ({ ...b, instance: undefined, detail: undefined });
    assert.deepEqual(strip((await theirs.json()) as Record<string, unknown>), strip((await missing.json()) as Record<string, unknown>));
  });

  it('answers the forgot-password request the same whether or not the account exists', async () => {
    await register('eve@example.com');
    const known = await post('/auth/password/forgot', { email: 'eve@example.com' });
    const unknown = await post('/auth/password/forgot', { email: 'nobody@example.com' });
    assert.equal(known.status, 202);
    assert.equal(unknown.status, 202);
    assert.equal(await known.text(), await unknown.text());
  });

  it('throttles rapid bad logins: the 21st is refused with 429 and Retry-After', async () => {
    await register('fay@example.com');
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 21; i++) {
      last = await post('/auth/login', { email: 'fay@example.com', password: `wrong guess number ${i}` });
      statuses.push(last.status);
    }
    assert.deepEqual(statuses.slice(0, 5), [401, 401, 401, 401, 401]);
    assert.equal(statuses[20], 429);
    assert.ok(Number(last!.headers.get('retry-after')) >= 1);
    assert.equal(((await last!.json()) as { code: string }).code, 'login_throttled');
  });

  it('gives a customer 403 on every admin endpoint', async () => {
    const gus = await register('gus@example.com');
    const list = await fetch(`${api}/users`, { headers: bearer(gus.accessToken) });
    const roles = await fetch(`${api}/users/${gus.userId}/roles`, { method: 'PUT', headers: { ...json, ...bearer(gus.accessToken) }, body: JSON.stringify({ roles: ['admin'] }) });
    assert.equal(list.status, 403);
    assert.equal(roles.status, 403);
    // The operator endpoints are not reachable through the gateway at all.
    assert.equal((await fetch(`${api}/ops/dead-letters`, { headers: bearer(gus.accessToken) })).status, 404);
  });
});
