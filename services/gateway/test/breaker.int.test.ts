import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { createHttpApp, createLogger, type HttpApp } from '@mercato/chassis';
import { eventually } from '@mercato/chassis/testing';
import { startGateway, type RunningGateway } from '../src/gateway.js';
import { deadUrl, listenHttp, type Listening } from './upstreams.js';

// The circuit breakers against real local upstreams: what counts as an upstream failure (its
// health, not what one client asks for), one circuit per route class, readiness probing while
// open, and the Prefer: wait cap.

const logger = createLogger({ service: 'test', level: process.env.LOG_LEVEL ?? 'silent' });
const UPSTREAM_TIMEOUT_MS = 1_000;

/** A chassis service whose readiness the test switches, with the routes it needs. */
async function service(name: string, port: number, state: { ready: boolean }, routes: (app: HttpApp) => void): Promise<{ app: HttpApp; url: string }> {
  const app = await createHttpApp({
    service: name,
    logger,
    requireOperations: false,
    readiness: [
      {
        name: 'database',
        check: async () => {
          if (!state.ready) throw new Error('database unreachable');
        },
      },
    ],
  });
  routes(app);
  const url = await app.listen({ port, host: '127.0.0.1' });
  return { app, url };
}

const stopped = await deadUrl();
const gatewayEnv = (urls: Record<string, string>, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = { GATEWAY_PORT: '0', GATEWAY_UPSTREAM_TIMEOUT_MS: String(UPSTREAM_TIMEOUT_MS), GATEWAY_BREAKER_FAILURES: '3', ...extra };
  for (const s of ['AUTH', 'USER', 'CATALOG', 'INVENTORY', 'ORDER', 'PAYMENT', 'REVIEW', 'NOTIFICATION']) env[`${s}_URL`] = urls[s] ?? stopped;
  return env;
};

const circuit = (gw: RunningGateway, name: string) => gw.breakers().find((b) => b.name === name)!;

describe('gateway breakers: what counts, per route class', () => {
  let gw: RunningGateway;
  let order: { app: HttpApp; url: string };
  const orderState = { ready: true };
  let calls = { checkout: 0, carts: 0 };

  before(async () => {
    order = await service('order', 0, orderState, (app) => {
      app.post('/checkout', async (req, reply) => {
        calls.checkout++;
        const wait = /wait=(\d+)/.exec(String(req.headers.prefer ?? ''))?.[1];
        if (wait !== undefined) {
          // Holds the answer as long as asked, as the checkout does under Prefer: wait.
          await new Promise((r) => setTimeout(r, Number(wait) * 1000));
          return reply.code(202).header('preference-applied', `wait=${wait}`).send({ waited: Number(wait) });
        }
        if (req.headers['x-test'] === 'busy') return reply.code(503).header('retry-after', '1').send({ code: 'busy' });
        return reply.code(202).send({ placed: true });
      });
      app.get('/carts/:id', async () => {
        calls.carts++;
        return { id: 'cart' };
      });
      app.get('/orders/slow', async () => {
        await new Promise((r) => setTimeout(r, UPSTREAM_TIMEOUT_MS * 2));
        return { late: true };
      });
    });
    gw = await startGateway({ logger, env: gatewayEnv({ ORDER: order.url }, { GATEWAY_BREAKER_FIRST_RETRY_MS: '60000', GATEWAY_BREAKER_RESET_MS: '60000' }) });
  });

  after(async () => {
    await gw?.stop();
    await order?.app.close();
  });

  it('lowers Prefer: wait below the upstream timeout, so an answer asked to wait is an answer, not a 504', async () => {
    // The timeout is 1 s: a wait of 30 s is lowered to 0 (the margin is a second).
    const res = await fetch(`${gw.url}/api/v1/checkout`, { method: 'POST', headers: { prefer: 'respond-async, wait=30' } });
    assert.equal(res.status, 202);
    assert.deepEqual(await res.json(), { waited: 0 });
    assert.equal(res.headers.get('preference-applied'), 'wait=0');
  });

  it('does not count slow answers or 503s of a ready service: one client cannot open a circuit for everyone', async () => {
    calls = { checkout: 0, carts: 0 };
    // Timeouts and "busy" answers, far past the failure threshold, while /readyz says ready.
    const slow = await Promise.all(Array.from({ length: 8 }, () => fetch(`${gw.url}/api/v1/orders/slow`)));
    assert.deepEqual(slow.map((r) => r.status), Array(8).fill(504));
    for (let i = 0; i < 8; i++) assert.equal((await fetch(`${gw.url}/api/v1/checkout`, { method: 'POST', headers: { 'x-test': 'busy' } })).status, 503);
    await new Promise((r) => setTimeout(r, 300)); // past the probes' verdicts
    assert.equal(circuit(gw, 'order (orders)').state, 'closed');
    assert.equal(circuit(gw, 'order (checkout)').state, 'closed');
    assert.equal(circuit(gw, 'order (checkout)').consecutiveFailures, 0);
    // Everyone else is still served.
    assert.equal((await fetch(`${gw.url}/api/v1/checkout`, { method: 'POST' })).status, 202);
  });

  it('counts them once the service says it is not ready, and opens only that route class', async () => {
    orderState.ready = false;
    try {
      for (let i = 0; i < 3; i++) assert.equal((await fetch(`${gw.url}/api/v1/checkout`, { method: 'POST', headers: { 'x-test': 'busy' } })).status, 503);
      await eventually(() => circuit(gw, 'order (checkout)').state === 'open', 3_000, 10);
      const before = calls.checkout;
      const refused = await fetch(`${gw.url}/api/v1/checkout`, { method: 'POST' });
      assert.equal(refused.status, 503);
      assert.equal(refused.headers.get('retry-after'), '60');
      const body = (await refused.json()) as { code: string; detail: string };
      assert.equal(body.code, 'upstream_unavailable');
      assert.match(body.detail, /order \(checkout\) is unavailable \(circuit open/);
      assert.equal(calls.checkout, before, 'refused without calling');
      // Another class of the same service is untouched.
      assert.equal((await fetch(`${gw.url}/api/v1/carts/c1`)).status, 200);
      assert.equal(circuit(gw, 'order (carts)').state, 'closed');
    } finally {
      orderState.ready = true;
    }
  });
});

describe('gateway breakers: readiness probing brings a restarted service back', () => {
  let gw: RunningGateway;
  let order: { app: HttpApp; url: string } | undefined;
  let port = 0;
  const state = { ready: true };
  let served = 0;
  const routes = (app: HttpApp) => app.get('/orders/o1', async () => ({ id: 'o1', n: ++served }));

  before(async () => {
    order = await service('order', 0, state, routes);
    port = (order.app.server.address() as AddressInfo).port;
    // The breaker settings are the defaults.
    gw = await startGateway({ logger, env: gatewayEnv({ ORDER: order.url }, { GATEWAY_UPSTREAM_TIMEOUT_MS: '5000' }) });
  });

  after(async () => {
    await gw?.stop();
    await order?.app.close();
  });

  it('keeps clients away while the service is not ready, and serves them again soon after it is', async () => {
    assert.equal((await fetch(`${gw.url}/api/v1/orders/o1`)).status, 200);
    // The service stops: connections are refused, which counts at once.
    await order!.app.close();
    order = undefined;
    for (let i = 0; i < 5; i++) assert.ok([502, 503].includes((await fetch(`${gw.url}/api/v1/orders/o1`)).status));
    await eventually(() => circuit(gw, 'order (orders)').state === 'open', 3_000, 10);
    // It comes back, not yet ready (its database is still down): no client request reaches it.
    state.ready = false;
    order = await service('order', port, state, routes);
    const servedBefore = served;
    const deadline = Date.now() + 3_000;
    while (Date.now() < deadline) {
      const res = await fetch(`${gw.url}/api/v1/orders/o1`);
      assert.equal(res.status, 503);
      assert.match(((await res.json()) as { detail: string }).detail, /circuit open/);
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.equal(served, servedBefore, 'no client request was used as a trial against a service that is not ready');
    assert.equal(circuit(gw, 'order (orders)').state, 'open');
    // Ready: the next probe closes the circuit (the longest wait between probes is 2 s by
    // default; the circuit was open for 10 s after each failed trial before).
    state.ready = true;
    const readyAt = Date.now();
    await eventually(async () => (await fetch(`${gw.url}/api/v1/orders/o1`)).status === 200, 15_000, 50);
    const recoveredInMs = Date.now() - readyAt;
    assert.ok(recoveredInMs < 6_000, `clients were served again ${recoveredInMs} ms after the service was ready`);
  });
});

describe('gateway: an upstream that dies mid-request', () => {
  let gw: RunningGateway;
  let order: Listening;

  before(async () => {
    order = await listenHttp((req, res) => {
      if (req.url === '/readyz') return res.writeHead(200).end('{}');
      // The process dies with the request in hand: the connection closes without an answer.
      req.resume();
      req.on('end', () => req.socket.destroy());
    });
    gw = await startGateway({ logger, env: gatewayEnv({ ORDER: order.url }) });
  });

  after(async () => {
    await gw?.stop();
    await order?.close();
  });

  it('says so plainly, and tells a client of a POST to retry with the same key', async () => {
    const post = await fetch(`${gw.url}/api/v1/checkout`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': 'k1' }, body: '{}' });
    assert.equal(post.status, 502);
    const p = (await post.json()) as { code: string; detail: string };
    assert.equal(p.code, 'bad_gateway');
    assert.match(p.detail, /^order closed the connection before answering \(it may have stopped or crashed\); whether the request took effect is not known: retry it with the same Idempotency-Key$/);
    const get = (await (await fetch(`${gw.url}/api/v1/orders/o1`)).json()) as { detail: string };
    assert.match(get.detail, /^order closed the connection before answering .*; retry shortly$/);
  });
});
