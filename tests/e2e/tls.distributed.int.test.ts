import assert from 'node:assert/strict';
import { chown, copyFile, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createLogger, installTlsForFetch, loadTls } from '@mercato/chassis';
import { freePort, ownRedisUnavailable, skipUnless, startOwnRedis, TEST_AMQP_URL, tlsRelay, type OwnRedis } from '@mercato/chassis/testing';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '@mercato/embedded-pg';
import { makeDevCertificates, startCluster, type Cluster, type DevCertificates } from '@mercato/platform/testing';
import { Redis } from 'ioredis';
import { Agent } from 'undici';
import { newSku } from './support/checkout-cases.js';
import { cartWith, place, QUICK_RECOVERY_ENV, settled, sql, stockedProduct, type Shop } from './support/shop.js';

// The distributed mode with TLS on every hop, the shop's own CA (`mercato certs dev`) trusted
// and nothing else: the gateway serves HTTPS (HSTS; plain HTTP only redirects), every service
// serves HTTPS and takes callers with a certificate of the CA only (mutual TLS), PostgreSQL
// takes TLS connections only (hostssl) reached with sslmode=verify-full, RabbitMQ is reached
// over amqps:// (a TLS port in front of it, client certificates required: RabbitMQ here listens
// in plain AMQP only), Redis listens on TLS only and is reached over rediss://. One order is
// placed through the gateway and confirmed.

const SERVICES = ['catalog', 'inventory', 'order', 'payment', 'notification'] as const;
const logger = createLogger({ service: 'tls-e2e', level: 'silent' });

describe('the distributed platform with TLS on every hop', { skip: skipUnless('rabbitmq') || ownRedisUnavailable() }, () => {
  let dir: string;
  let certs: DevCertificates;
  let pgServer: EmbeddedPostgres;
  let redis: OwnRedis;
  let amqps: Awaited<ReturnType<typeof tlsRelay>>;
  let cluster: Cluster;
  let shop: Shop;
  let redirectPort: number;
  let pgUrl: string;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mercato-tls-e2e-'));
    certs = await makeDevCertificates(join(dir, 'certs'), ['localhost']);
    // This process calls the gateway as a client trusting the shop's CA (and holding a certificate of it).
    installTlsForFetch(loadTls({ TLS_CERT_FILE: certs.cert, TLS_KEY_FILE: certs.key, TLS_CA_FILE: certs.ca }));

    // PostgreSQL: ssl=on with the shop's certificate, TLS connections only.
    const data = join(dir, 'pg');
    pgServer = await startEmbeddedPostgres({ dataDir: data, logger, maxConnections: 200 });
    await pgServer.stop();
    const owner = await stat(join(data, 'PG_VERSION'));
    for (const f of ['tls.crt', 'tls.key']) {
      await copyFile(join(certs.dir, f), join(data, f));
      await chown(join(data, f), owner.uid, owner.gid);
    }
    const hba = await readFile(join(data, 'pg_hba.conf'), 'utf8');
    await writeFile(join(data, 'pg_hba.conf'), hba.replace(/^host(\s)/gm, 'hostssl$1'));
    pgServer = await startEmbeddedPostgres({ dataDir: data, logger, maxConnections: 200, settings: { ssl: 'on', ssl_cert_file: 'tls.crt', ssl_key_file: 'tls.key' } });
    const admin = new URL(pgServer.adminUrl);
    admin.hostname = 'localhost';
    admin.search = `sslmode=verify-full&sslrootcert=${encodeURIComponent(certs.ca)}`;
    pgUrl = admin.toString();

    redis = await startOwnRedis({ tls: { cert: certs.cert, key: certs.key, ca: certs.ca, authClients: 'yes' } });
    const broker = new URL(TEST_AMQP_URL);
    amqps = await tlsRelay({ host: broker.hostname, port: Number(broker.port || 5672) }, { cert: certs.cert, key: certs.key, ca: certs.ca });
    const busUrl = new URL(TEST_AMQP_URL);
    busUrl.protocol = 'amqps:';
    busUrl.hostname = 'localhost';
    busUrl.port = String(amqps.port);

    redirectPort = await freePort();
    cluster = await startCluster({
      services: SERVICES,
      prefix: 'e2e_tls',
      pgUrl,
      tls: { ca: certs.ca, cert: certs.cert, key: certs.key, clientAuth: 'require' },
      env: {
        ...QUICK_RECOVERY_ENV,
        BUS_URL: busUrl.toString(),
        REDIS_URL: redis.url,
        NOTIFICATION_MAILBOX_DIR: join(dir, 'mailbox'),
      },
      serviceEnv: { gateway: { GATEWAY_HTTP_REDIRECT_PORT: String(redirectPort) } },
    });
    shop = { api: cluster.api, admin: () => cluster.as(['admin']), paymentDb: cluster.dbs.payment!.url, orderDb: cluster.dbs.order!.url };
  });

  after(async () => {
    await cluster?.close();
    await amqps?.close();
    await redis?.stop();
    await pgServer?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('places an order through the gateway over HTTPS and confirms it, every hop over TLS', async () => {
    assert.match(cluster.api, /^https:\/\//);
    const sku = newSku('tls');
    await stockedProduct(shop, sku, 1);
    const placed = await place(shop, { cartId: await cartWith(shop, sku), email: 'tls@example.com' });
    const orders = await settled(shop, [placed], 60_000);
    assert.equal(orders.get(placed.orderId)!.status, 'confirmed');
    const [payment] = await sql<{ state: string }>(shop.paymentDb, 'SELECT state FROM payments WHERE order_id = $1', [placed.orderId]);
    assert.equal(payment?.state, 'succeeded');
  });

  it('answers over HTTPS with HSTS, and on plain HTTP only redirects to HTTPS', async () => {
    const res = await fetch(`${cluster.api}/products`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('strict-transport-security') ?? '', /max-age=\d+/);
    const redirect = await new Promise<{ status: number; location: string | undefined }>((resolve, reject) => {
      httpRequest({ host: '127.0.0.1', port: redirectPort, path: '/api/v1/products?limit=1' }, (r) => {
        r.resume();
        resolve({ status: r.statusCode ?? 0, location: r.headers.location });
      })
        .on('error', reject)
        .end();
    });
    assert.deepEqual(redirect, { status: 308, location: `https://127.0.0.1:${cluster.ports.gateway}/api/v1/products?limit=1` });
  });

  it('has every service serve HTTPS only, and refuse a caller without a certificate of the shop CA', async () => {
    const bare = new Agent({ connect: { ca: await readFile(certs.ca) } });
    for (const name of SERVICES) {
      const port = cluster.ports[name]!;
      await assert.rejects(fetch(`http://127.0.0.1:${port}/readyz`), `${name} answers no plain HTTP`);
      const res = await fetch(`https://127.0.0.1:${port}/openapi.json`, { dispatcher: bare } as unknown as RequestInit);
      assert.equal(res.status, 401, `${name} refuses a caller without a client certificate`);
      assert.equal(((await res.json()) as { code: string }).code, 'client_certificate_required');
    }
    await bare.close();
  });

  it('has every service connection to PostgreSQL over TLS, and plain connections refused', async () => {
    const rows = await sql<{ datname: string; ssl: boolean }>(
      pgUrl,
      `SELECT a.datname, s.ssl FROM pg_stat_activity a JOIN pg_stat_ssl s USING (pid) WHERE a.backend_type = 'client backend' AND a.datname LIKE 'mercato_e2e_tls%'`,
    );
    assert.ok(rows.length >= SERVICES.length, `connections of every service: ${JSON.stringify(rows)}`);
    assert.deepEqual(rows.filter((r) => !r.ssl), []);
    const plain = new URL(pgUrl);
    plain.search = 'sslmode=disable';
    await assert.rejects(sql(plain.toString(), 'SELECT 1'), /no encryption/);
  });

  it("keeps the gateway's rate-limit counters and edge cache in the Redis reached over rediss:// only", async () => {
    const client = new Redis(redis.url, { tls: { ca: await readFile(certs.ca), cert: await readFile(certs.cert), key: await readFile(certs.key) }, lazyConnect: true });
    try {
      await client.connect();
      const keys = await client.keys('*');
      assert.ok(keys.some((k) => k.startsWith(`${cluster.namespace}:ratelimit:`)), `rate-limit counters among ${keys.join(', ')}`);
      // The anonymous GET /products above went through the edge cache.
      assert.ok(keys.some((k) => k.startsWith(`${cluster.namespace}:catalog:edge:`)), `edge-cache entries among ${keys.join(', ')}`);
    } finally {
      client.disconnect();
    }
  });
});
