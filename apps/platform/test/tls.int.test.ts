import assert from 'node:assert/strict';
import { once } from 'node:events';
import { mkdtemp, readFile, rm, copyFile, chown, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { AddressInfo } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import { AmqpBus, SerializedEvent, createHttpApp, createLogger, createServiceClient, httpsServerOptions, installTlsForFetch, loadTls, RedisCircuit, tlsClientOptions, redisClientOptions, type HttpApp } from '@mercato/chassis';
import { ownRedisUnavailable, skipUnless, startOwnRedis, TEST_AMQP_URL, tlsRelay, uniqueName, type OwnRedis } from '@mercato/chassis/testing';
import { Redis } from 'ioredis';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '@mercato/embedded-pg';
import pg from 'pg';
import { makeDevCertificates, type DevCertificates } from '../src/certs.js';

// TLS on the internal hops with the shop's CA, against real servers: HTTPS between services
// (plain and mutual), RabbitMQ over amqps:// (through a TLS port in front of it), a Redis
// started with TLS only reached over rediss://, and a PostgreSQL started with ssl=on reached
// with sslmode=verify-full.
// A certificate from another CA, an expired one and one for another host name are each refused
// with an error that says which.

const logger = createLogger({ service: 'tls-test', level: 'silent' });
const tlsEnv = (c: DevCertificates, extra: NodeJS.ProcessEnv = {}) => ({ TLS_CERT_FILE: c.cert, TLS_KEY_FILE: c.key, TLS_CA_FILE: c.ca, ...extra });

describe('TLS on every internal hop', () => {
  let dir: string;
  let shop: DevCertificates; // the shop's CA, a certificate for localhost and 127.0.0.1
  let other: DevCertificates; // another CA altogether
  let expired: DevCertificates; // the shop's names, expired yesterday
  let elsewhere: DevCertificates; // a valid certificate for another host name only
  let pgCert: DevCertificates; // the database server's: localhost only
  const apps: HttpApp[] = [];

  async function serve(certs: DevCertificates, extra: NodeJS.ProcessEnv = {}): Promise<string> {
    const tls = loadTls(tlsEnv(certs, extra));
    const app = await createHttpApp({ service: 'probe', logger, https: httpsServerOptions(tls) });
    app.get('/hello', { schema: { hide: true } }, async () => ({ hello: 'world' }));
    apps.push(app);
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    return url.replace('127.0.0.1', 'localhost');
  }

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mercato-tls-'));
    shop = await makeDevCertificates(join(dir, 'shop'), ['localhost']);
    other = await makeDevCertificates(join(dir, 'other'), ['localhost']);
    expired = await makeDevCertificates(join(dir, 'expired'), ['localhost'], { signWith: shop, leafDays: -1 });
    elsewhere = await makeDevCertificates(join(dir, 'elsewhere'), ['shop.example'], { signWith: shop, loopbackIp: false });
    pgCert = await makeDevCertificates(join(dir, 'pg'), ['localhost'], { signWith: shop, loopbackIp: false });
    // This process trusts the shop's CA and presents the shop's certificate (as a service does).
    installTlsForFetch(loadTls(tlsEnv(shop)));
  });

  after(async () => {
    await Promise.all(apps.map((a) => a.close()));
    await rm(dir, { recursive: true, force: true });
  });

  it('serves HTTPS and calls a service over it, verified against the shop CA', async () => {
    const url = await serve(shop);
    assert.match(url, /^https:\/\/localhost:\d+$/);
    const client = createServiceClient({ name: 'probe', baseUrl: url, retries: 0 });
    assert.deepEqual(await client.json('GET', '/hello'), { hello: 'world' });
  });

  it('with mutual TLS, takes callers holding a certificate of the shop CA and refuses the rest; probes stay open', async () => {
    const url = await serve(shop, { TLS_CLIENT_AUTH: 'require' });
    const client = createServiceClient({ name: 'probe', baseUrl: url, retries: 0 });
    assert.deepEqual(await client.json('GET', '/hello'), { hello: 'world' }, 'this process presents the shop certificate');
    // A caller without a certificate (curl-like, trusting the CA only).
    const { Agent } = await import('undici');
    const bare = new Agent({ connect: { ca: await readFile(shop.ca) } });
    const res = await fetch(`${url}/hello`, { dispatcher: bare } as unknown as RequestInit);
    assert.equal(res.status, 401);
    assert.equal(((await res.json()) as { code: string }).code, 'client_certificate_required');
    assert.equal((await fetch(`${url}/healthz`, { dispatcher: bare } as unknown as RequestInit)).status, 200);
  });

  for (const [what, certs, pattern] of [
    ['another CA', () => other, /not signed by a trusted CA/],
    ['an expired certificate', () => expired, /has expired/],
    ['another host name', () => elsewhere, /for another host name/],
  ] as const) {
    it(`refuses a service whose certificate is from ${what}, saying so`, async () => {
      const url = await serve(certs());
      const client = createServiceClient({ name: 'probe', baseUrl: url, retries: 0 });
      await assert.rejects(client.json('GET', '/hello'), (err: Error & { type?: string }) => {
        assert.equal(err.type, 'upstream_tls_refused');
        assert.match(err.message, pattern);
        return true;
      });
    });
  }

  // A TLS listener that is no broker shows what the bus verifies (the CA, the validity, the host
  // name in the URL) before any AMQP.
  describe('the bus over amqps://', () => {
    async function broker(certs: DevCertificates): Promise<{ url: string; handshakes: () => number; close: () => void }> {
      let handshakes = 0;
      const server = createTlsServer({ cert: await readFile(certs.cert), key: await readFile(certs.key) }, (socket) => {
        handshakes++;
        socket.destroy(); // not a broker: the AMQP handshake goes no further
      });
      server.on('tlsClientError', () => undefined);
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      return { url: `amqps://guest:guest@localhost:${(server.address() as AddressInfo).port}`, handshakes: () => handshakes, close: () => server.close() };
    }
    const busFor = async (url: string) => new AmqpBus({ url, logger, tls: { ca: await readFile(shop.ca) } });

    it('verifies the broker against the shop CA and the host name in the URL', async () => {
      const b = await broker(shop);
      try {
        const bus = await busFor(b.url);
        await assert.rejects(bus.start(), (err: Error) => !/refused/.test(err.message));
        assert.equal(b.handshakes(), 1, 'the TLS handshake completed');
        await bus.close();
      } finally {
        b.close();
      }
    });

    // RabbitMQ here listens in plain AMQP only: a TLS port in front of it (node:tls, the shop's
    // certificate, client certificates of the shop CA required) carries the whole AMQP session.
    it('carries events over amqps:// to RabbitMQ through a TLS port, both ends verified', { skip: skipUnless('rabbitmq') }, async () => {
      const target = new URL(TEST_AMQP_URL);
      const relay = await tlsRelay({ host: target.hostname, port: Number(target.port || 5672) }, { cert: shop.cert, key: shop.key, ca: shop.ca });
      const url = new URL(TEST_AMQP_URL);
      url.protocol = 'amqps:';
      url.hostname = 'localhost';
      url.port = String(relay.port);
      const bus = new AmqpBus({ url: url.toString(), logger, namespace: uniqueName('tls'), tls: { ...tlsClientOptions(loadTls(tlsEnv(shop))) } });
      try {
        await bus.start();
        const got: unknown[] = [];
        await bus.subscribe('tls-probe', ['tls.probe'], async (msgs) => void got.push(...msgs));
        const body = JSON.stringify({ id: 'evt_tls', type: 'tls.probe', subject: 'probe', data: { over: 'amqps' } });
        await bus.publish([new SerializedEvent('evt_tls', 'tls.probe', 'probe', body)]);
        for (let i = 0; i < 100 && got.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
        assert.deepEqual(got, [JSON.parse(body)]);
      } finally {
        await bus.close();
        await relay.close();
      }
    });

    for (const [what, certs, pattern] of [
      ['another CA', () => other, /the broker at localhost:\d+ was refused: the certificate is not signed by a trusted CA/],
      ['an expired certificate', () => expired, /the broker at localhost:\d+ was refused: the certificate has expired/],
      ['another host name', () => elsewhere, /the broker at localhost:\d+ was refused: the certificate is for another host name/],
    ] as const) {
      it(`refuses a broker whose certificate is from ${what}, saying so`, async () => {
        const b = await broker(certs());
        try {
          const bus = await busFor(b.url);
          await assert.rejects(bus.start(), pattern);
          assert.equal(b.handshakes(), 0);
          await bus.close();
        } finally {
          b.close();
        }
      });
    }
  });

  // A redis-server of the test's own with TLS only (no plain port), the client as every Redis
  // user of the platform makes it (redisClientOptions: the gateway's rate limits and edge cache,
  // the catalog's read cache), behind the circuit they use.
  describe('Redis over rediss://', { skip: ownRedisUnavailable() }, () => {
    const servers: OwnRedis[] = [];
    const circuits: RedisCircuit[] = [];
    after(async () => {
      for (const c of circuits) c.close();
      await Promise.all(servers.map((s) => s.stop()));
    });
    async function redisWith(certs: DevCertificates, authClients: 'yes' | 'no' = 'no'): Promise<{ server: OwnRedis; circuit: RedisCircuit; client: Redis }> {
      const server = await startOwnRedis({ tls: { cert: certs.cert, key: certs.key, ca: shop.ca, authClients } });
      servers.push(server);
      const client = new Redis(server.url, redisClientOptions());
      const circuit = new RedisCircuit(client, { name: 'the test', logger });
      circuits.push(circuit);
      return { server, circuit, client };
    }

    it('connects to a Redis serving TLS only, verified against the shop CA, presenting the shop certificate (tls-auth-clients yes)', async () => {
      const { server, circuit, client } = await redisWith(shop, 'yes');
      assert.match(server.url, /^rediss:\/\/localhost:\d+$/);
      // The handshake first: a command sent while it runs counts it against the client's command
      // timeout (half a second, for a cache), which a loaded machine's TLS handshake can pass.
      if (client.status !== 'ready') await once(client, 'ready', { signal: AbortSignal.timeout(15_000) });
      await circuit.call((r) => r.set('mercato:tls', 'over TLS'));
      assert.equal(await circuit.call((r) => r.get('mercato:tls')), 'over TLS');
      assert.equal(circuit.refusal, undefined);
    });

    it('keeps redis:// plain with the same client options', async () => {
      const plain = await startOwnRedis();
      servers.push(plain);
      const circuit = new RedisCircuit(new Redis(plain.url, redisClientOptions()), { name: 'the test', logger });
      circuits.push(circuit);
      assert.equal(await circuit.call((r) => r.ping()), 'PONG');
    });

    for (const [what, certs, pattern] of [
      ['another CA', () => other, /^Redis at localhost:\d+ was refused: the certificate is not signed by a trusted CA/],
      ['an expired certificate', () => expired, /^Redis at localhost:\d+ was refused: the certificate has expired/],
      ['another host name', () => elsewhere, /^Redis at localhost:\d+ was refused: the certificate is for another host name/],
    ] as const) {
      it(`refuses a Redis whose certificate is from ${what}, saying so`, async () => {
        const { circuit } = await redisWith(certs());
        // The first command may be sent before the handshake fails; the next ones know why.
        await circuit.call((r) => r.ping()).catch(() => undefined);
        await assert.rejects(
          circuit.call((r) => r.ping()),
          (err: Error) => {
            assert.equal(err.name, 'RedisTlsRefusedError');
            assert.match(err.message, pattern);
            return true;
          },
        );
      });
    }
  });

  describe('PostgreSQL with ssl=on, sslmode=verify-full', () => {
    let server: EmbeddedPostgres;
    before(async () => {
      const data = join(dir, 'pg-data');
      // The server's certificate, readable by the user the server runs as.
      server = await startEmbeddedPostgres({ dataDir: data, logger, settings: {} });
      const owner = await stat(join(data, 'PG_VERSION'));
      await server.stop();
      for (const f of ['tls.crt', 'tls.key']) {
        await copyFile(join(pgCert.dir, f), join(data, f));
        await chown(join(data, f), owner.uid, owner.gid);
      }
      server = await startEmbeddedPostgres({ dataDir: data, logger, settings: { ssl: 'on', ssl_cert_file: 'tls.crt', ssl_key_file: 'tls.key' } });
    });
    after(async () => {
      await server?.stop();
    });

    const connect = async (ca: string, host = 'localhost') => {
      const url = new URL(server.adminUrl);
      url.hostname = host;
      url.search = `sslmode=verify-full&sslrootcert=${encodeURIComponent(ca)}`;
      const client = new pg.Client({ connectionString: url.toString() });
      try {
        await client.connect();
        return (await client.query<{ ssl: boolean }>('SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()')).rows[0]!.ssl;
      } finally {
        await client.end().catch(() => undefined);
      }
    };

    it('connects over TLS with the shop CA', async () => {
      assert.equal(await connect(shop.ca), true);
    });

    it('refuses the server when the CA is not the one that signed it', async () => {
      await assert.rejects(connect(other.ca), /self[- ]signed|unable to verify|certificate/i);
    });

    it('refuses the server under a host name its certificate does not name', async () => {
      // 127.0.0.1 reaches it, but its certificate names localhost only.
      await assert.rejects(connect(shop.ca, '127.0.0.1'), /altnames|does not match|host/i);
    });

    it('refuses the server once its certificate has expired', async () => {
      // The server is given an expired certificate of the shop CA and reloads its configuration.
      const data = join(dir, 'pg-data');
      const owner = await stat(join(data, 'PG_VERSION'));
      for (const f of ['tls.crt', 'tls.key']) {
        await copyFile(join(expired.dir, f), join(data, f));
        await chown(join(data, f), owner.uid, owner.gid);
      }
      const admin = new pg.Client({ connectionString: server.adminUrl });
      await admin.connect();
      try {
        await admin.query('SELECT pg_reload_conf()');
      } finally {
        await admin.end();
      }
      await new Promise((r) => setTimeout(r, 500));
      await assert.rejects(connect(shop.ca), /certificate has expired/);
    });
  });
});
