import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { findEmbeddedPostgres, isAlive } from '@mercato/embedded-pg';
import { eventually } from '@mercato/chassis/testing';
import pg from 'pg';
import type { PlatformUrls } from '../src/embedded.js';

// The launcher as a user runs it (`npm start`), as a child process on an embedded PostgreSQL in a
// temp folder, every port 0. Needs no server of the machine. One platform start: it is the slow part.

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const MAIN = 'apps/platform/src/main.ts';
const NAMES = ['gateway', 'auth', 'user', 'catalog', 'inventory', 'order', 'payment', 'review', 'notification'];

interface Run {
  child: ChildProcess;
  out: () => string;
  err: () => string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function launch(args: string[], env: NodeJS.ProcessEnv): Run {
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', MAIN, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr!.on('data', (b: Buffer) => (err += b.toString()));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, out: () => out, err: () => err, exit };
}


async function within<T>(ms: number, p: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

describe('the platform launcher (embedded mode)', () => {
  let dir: string;
  let run: Run;
  let urls: PlatformUrls;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mercato-platform-'));
    await chmod(dir, 0o755); // under root PostgreSQL runs as `postgres` and must reach the folder
    const ports = Object.fromEntries(NAMES.map((n) => [`${n.toUpperCase()}_PORT`, '0']));
    run = launch([], {
      ...ports,
      MERCATO_DATA_DIR: join(dir, 'data'),
      MERCATO_READY_FILE: join(dir, 'ready.json'),
      OPS_TOKEN: '',
      ADMIN_EMAIL: '',
      ADMIN_PASSWORD: '',
      LOG_LEVEL: 'warn',
      // The web app has its own end-to-end suite (tests/e2e/storefront…).
      MERCATO_WEB: 'false',
    });
    let exited = false;
    void run.exit.then(() => (exited = true));
    const deadline = Date.now() + 120_000;
    for (;;) {
      try {
        urls = JSON.parse(await readFile(join(dir, 'ready.json'), 'utf8')) as PlatformUrls;
        break;
      } catch {
        // not ready yet
      }
      if (exited) assert.fail(`the launcher exited before it was ready:\n${run.out()}\n${run.err()}`);
      if (Date.now() > deadline) assert.fail(`the launcher was not ready within 120 s:\n${run.out()}\n${run.err()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  });

  after(async () => {
    if (run && run.child.exitCode === null && run.child.signalCode === null) {
      run.child.kill('SIGKILL');
      await run.exit;
    }
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('serves the gateway and every service, each ready with its database and the bus', async () => {
    const health = await fetch(`${urls.gateway}/healthz`);
    assert.equal(health.status, 200);
    assert.deepEqual(Object.keys(urls.services).sort(), NAMES.filter((n) => n !== 'gateway').sort());
    for (const [name, url] of Object.entries(urls.services)) {
      assert.notEqual(new URL(url).port, '0');
      const res = await fetch(`${url}/readyz`);
      const body = (await res.json()) as { checks: Record<string, string> };
      assert.equal(res.status, 200, `${name} /readyz`);
      assert.equal(body.checks.database, 'ok', `${name} database`);
      assert.equal(body.checks.bus, 'ok', `${name} bus`);
    }
    const out = run.out();
    for (const name of NAMES) assert.match(out, new RegExp(`^\\s+${name}\\s+http://127\\.0\\.0\\.1:\\d+$`, 'm'), `a line for ${name}`);
    assert.match(out, /\/docs/);
  });

  it('signs a customer up through the gateway and serves their profile to their token only', async () => {
    const api = `${urls.gateway}/api/v1`;
    const json = { 'content-type': 'application/json' };
    const reg = await fetch(`${api}/auth/register`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ email: 'Ann.Buyer@Example.com', password: 'correct horse battery staple', name: 'Ann Buyer' }),
    });
    assert.equal(reg.status, 201);
    const { accessToken } = (await reg.json()) as { accessToken: string };
    // The user service builds the profile from UserRegistered, through the outbox and the bus.
    const profile = await eventually(async () => {
      const res = await fetch(`${api}/users/me`, { headers: { authorization: `Bearer ${accessToken}` } });
      return res.status === 200 ? ((await res.json()) as { email: string; name: string; roles: string[] }) : undefined;
    }, 15_000, 100);
    assert.deepEqual({ email: profile.email, name: profile.name, roles: profile.roles }, { email: 'ann.buyer@example.com', name: 'Ann Buyer', roles: ['customer'] });
    // No token, a tampered token, or identity headers instead of a token: nothing.
    assert.equal((await fetch(`${api}/users/me`)).status, 401);
    const [h, p, sig] = accessToken.split('.');
    const claims = JSON.parse(Buffer.from(p!, 'base64url').toString()) as Record<string, unknown>;
    const tampered = `${h}.${Buffer.from(JSON.stringify({ ...claims, roles: ['admin'] })).toString('base64url')}.${sig}`;
    assert.equal((await fetch(`${api}/users`, { headers: { authorization: `Bearer ${tampered}` } })).status, 401);
    assert.equal((await fetch(`${api}/users`, { headers: { authorization: `Bearer ${accessToken}` } })).status, 403, 'a customer on an admin endpoint');
    assert.equal((await fetch(`${api}/users/me`, { headers: { 'x-verified-user-id': String(claims.sub), 'x-user-id': String(claims.sub) } })).status, 401);
  });

  it('seeds the demo shop on first start: products, search, categories and images through the gateway', async () => {
    const api = `${urls.gateway}/api/v1`;
    const list = (await (await fetch(`${api}/products?limit=100`)).json()) as { items: Array<{ slug: string; image: { url: string } }>; nextCursor: string | null };
    assert.equal(list.items.length, 100);
    assert.ok(list.nextCursor, 'about 200 products');
    const found = (await (await fetch(`${api}/products?q=blu+shrt`)).json()) as { items: Array<{ title: string }> };
    assert.match(found.items[0]!.title, /blue.*shirt/i);
    const tree = (await (await fetch(`${api}/categories`)).json()) as { items: Array<{ children: unknown[] }> };
    assert.ok(tree.items.some((c) => c.children.length > 0), 'a category tree');
    const product = (await (await fetch(`${api}/products/${list.items[0]!.slug}`)).json()) as { variants: Array<{ prices: Array<{ currency: string }> }> };
    assert.deepEqual([...new Set(product.variants.flatMap((v) => v.prices.map((p) => p.currency)))].sort(), ['EUR', 'JPY', 'USD']);
    // The demo stock is there too: inventory seeded every demo SKU.
    const skus = (product as unknown as { variants: Array<{ sku: string }> }).variants.map((v) => v.sku);
    const stock = await eventually(async () => {
      const res = await fetch(`${api}/inventory/availability?${skus.map((s) => `sku=${encodeURIComponent(s)}`).join('&')}`);
      const body = (await res.json()) as { items: Array<{ sku: string; available: number }> };
      return res.status === 200 && body.items.length === skus.length ? body.items : undefined;
    }, 15_000, 100);
    assert.ok(stock.some((s) => s.available > 0), 'demo products can be bought');
    // And put in a cart: the order service knows the demo catalog from its events.
    const cart = (await (await fetch(`${api}/carts`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ currency: 'EUR' }) })).json()) as { id: string };
    const added = await eventually(async () => {
      const res = await fetch(`${api}/carts/${cart.id}/items`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sku: skus[0], quantity: 2 }) });
      return res.status === 201 || res.status === 200 ? ((await res.json()) as { items: Array<{ sku: string; quantity: number }>; totals: { subtotal: { amount: number; currency: string } } }) : undefined;
    }, 15_000, 100);
    assert.deepEqual(added.items.map((i) => [i.sku, i.quantity]), [[skus[0], 2]]);
    assert.equal(added.totals.subtotal.currency, 'EUR');
    assert.ok(added.totals.subtotal.amount > 0);
    // A guest checks out with the sandbox card: stock reserved, paid, confirmed, emailed.
    const placed = await fetch(`${api}/checkout`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': `platform-${Date.now()}`, prefer: 'wait=20' },
      body: JSON.stringify({
        cartId: cart.id,
        email: 'guest@example.com',
        shippingAddress: { name: 'Grace Hopper', line1: '1 Navy Way', city: 'Arlington', country: 'US' },
        payment: { provider: 'sandbox', paymentMethod: 'pm_card_visa' },
      }),
    });
    const checkout = (await placed.json()) as { orderId: string; status: string; accessToken: string };
    assert.equal(placed.status, 200, JSON.stringify(checkout));
    assert.equal(checkout.status, 'confirmed');
    const order = (await (await fetch(`${api}/orders/${checkout.orderId}?token=${checkout.accessToken}`)).json()) as { status: string; payment: { paid: { amount: number } } };
    assert.equal(order.status, 'confirmed');
    assert.ok(order.payment.paid.amount > 0);
    const confirmation = await eventually(async () => {
      const files = await readdir(join(dir, 'data', 'mailbox')).catch(() => [] as string[]);
      for (const f of files) {
        const text = await readFile(join(dir, 'data', 'mailbox', f), 'utf8');
        if (text.includes(checkout.orderId) && text.includes(checkout.accessToken)) return text;
      }
      return undefined;
    }, 15_000, 200);
    assert.match(confirmation, /guest@example\.com/);
    // The email's link is the storefront's order page, with the order's token (this test's
    // gateway listens on a port of its own, and runs without the web app: the API opens it).
    const link = /http:\/\/127\.0\.0\.1:\d+\/orders\/([^\s"<>?]+)\?token=([^\s"<>&]+)/.exec(confirmation.replace(/=\r?\n/g, '').replace(/=3D/g, '='));
    assert.ok(link, 'the confirmation links to the order');
    const opened = await fetch(`${api}/orders/${link[1]}?token=${link[2]}`);
    assert.equal(opened.status, 200);
    assert.equal(((await opened.json()) as { id: string }).id, checkout.orderId);
    // The printed mailbox URL opens the page; without its token the page shows nothing.
    const mailbox = /read them at (http:\/\/\S+)/.exec(run.out())?.[1];
    assert.ok(mailbox, run.out());
    const page = await fetch(mailbox);
    assert.equal(page.status, 200);
    assert.ok((await page.text()).includes('guest@example.com'));
    assert.equal((await fetch(mailbox.replace(/\?token=.*$/, ''))).status, 401);
    // The demo reviews reach the catalog: the rating sort leads with rated products.
    const rated = await eventually(async () => {
      const top = (await (await fetch(`${api}/products?sort=rating&limit=3`)).json()) as { items: Array<{ id: string; rating: { average: number; count: number } }> };
      return top.items[0]!.rating.count > 0 ? top.items[0]! : undefined;
    }, 30_000, 200);
    const summary = (await (await fetch(`${api}/reviews/summary?productId=${rated.id}`)).json()) as { count: number; average: number };
    assert.deepEqual([summary.count, summary.average], [rated.rating.count, rated.rating.average]);
    assert.equal(((await (await fetch(`${api}/reviews?productId=${rated.id}`)).json()) as { items: unknown[] }).items.length, rated.rating.count);
    const image = await fetch(`${urls.gateway}${list.items[0]!.image.url}`);
    assert.equal(image.status, 200);
    assert.match(image.headers.get('content-type') ?? '', /^image\/svg\+xml/);
  });

  it('gives each service its own migrated database in the embedded PostgreSQL', async () => {
    const server = await findEmbeddedPostgres(join(dir, 'data', 'postgres'));
    assert.ok(server);
    assert.equal(server.running, true);
    assert.equal(server.port, urls.postgres.port);
    assert.notEqual(server.port, 5432);
    for (const name of Object.keys(urls.services)) {
      const client = new pg.Client({ connectionString: server.databaseUrl(`mercato_${name}`) });
      await client.connect();
      try {
        const { rows } = await client.query<{ n: number }>("SELECT count(*)::int AS n FROM schema_migrations WHERE scope = 'chassis'");
        assert.ok(rows[0]!.n >= 1, `mercato_${name} has the chassis migrations`);
      } finally {
        await client.end();
      }
    }
  });

  it('generates an operator token (0600) that opens the /ops endpoints', async () => {
    const file = join(dir, 'data', 'ops-token');
    assert.equal(urls.opsTokenFile, file);
    assert.equal((await stat(file)).mode & 0o777, 0o600);
    const token = (await readFile(file, 'utf8')).trim();
    const order = urls.services.order!;
    assert.equal((await fetch(`${order}/ops/dead-letters`)).status, 401);
    const res = await fetch(`${order}/ops/dead-letters`, { headers: { authorization: `Bearer ${token}` } });
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { items: [], nextCursor: null });
  });

  it('makes an administrator on the first start, its password kept (0600) and told, who may use the admin API', async () => {
    const file = join(dir, 'data', 'admin-password');
    assert.deepEqual(urls.admin, { email: 'admin@example.com', passwordFile: file });
    assert.equal((await stat(file)).mode & 0o777, 0o600);
    assert.match(run.out(), /^Administrator: sign in as admin@example\.com with the password in .*admin-password$/m);
    const api = `${urls.gateway}/api/v1`;
    const login = await fetch(`${api}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@example.com', password: (await readFile(file, 'utf8')).trim() }),
    });
    assert.equal(login.status, 200);
    const { accessToken } = (await login.json()) as { accessToken: string };
    const claims = JSON.parse(Buffer.from(accessToken.split('.')[1]!, 'base64url').toString()) as { roles: string[] };
    assert.deepEqual([...claims.roles].sort(), ['admin', 'customer']);
    assert.equal((await fetch(`${api}/users`, { headers: { authorization: `Bearer ${accessToken}` } })).status, 200, 'an admin endpoint');
    const wrong = await fetch(`${api}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@example.com', password: 'not-the-generated-one-42' }),
    });
    assert.equal(wrong.status, 401);
  });

  it('stops on SIGTERM with exit code 0, PostgreSQL included', async () => {
    run.child.kill('SIGTERM');
    const { code } = await within(15_000, run.exit, 'shutdown');
    assert.equal(code, 0, run.err());
    assert.equal(isAlive(urls.postgres.pid), false, 'the embedded PostgreSQL is gone');
    await assert.rejects(stat(join(dir, 'ready.json')), 'the ready file is removed');
    assert.match(run.out(), /mercato stopped\./);
  });
});

describe('the launcher on a bad variable', () => {
  it('fails fast with exit code 1 and one line naming it, one service alone', async () => {
    const run = launch(['--service', 'order'], { ORDER_PORT: 'abc', ORDER_DATABASE_URL: 'postgres://127.0.0.1:9/none' });
    const { code } = await within(30_000, run.exit, 'start-up');
    assert.equal(code, 1);
    const lines = run.err().trim().split('\n');
    assert.equal(lines.length, 1, run.err());
    assert.match(lines[0]!, /ORDER_PORT is invalid \(got "abc"\)/);
  });

  it('fails before starting PostgreSQL in the embedded mode', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mercato-platform-bad-'));
    try {
      const run = launch([], { MERCATO_DATA_DIR: join(dir, 'data'), ORDER_PORT: 'abc' });
      const { code } = await within(30_000, run.exit, 'start-up');
      assert.equal(code, 1);
      assert.deepEqual(run.err().trim().split('\n'), [run.err().trim()]);
      assert.match(run.err(), /ORDER_PORT is invalid/);
      await assert.rejects(stat(join(dir, 'data', 'postgres')), 'no cluster was made');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
