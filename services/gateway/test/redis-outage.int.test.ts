import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createLogger } from '@mercato/chassis';
import { Redis } from 'ioredis';
import { eventually, ownRedisUnavailable, startOwnRedis, type OwnRedis } from '@mercato/chassis/testing';
import { startGateway, type RunningGateway } from '../src/gateway.js';
import { RedisRateStore } from '../src/rate-limit.js';
import { deadUrl, listenHttp, type Listening } from './upstreams.js';

// The gateway's rate limits in Redis when Redis goes away: a frozen or killed Redis must not add
// its command timeout to every request. A Redis of the test's own, on a free port.

const logger = createLogger({ service: 'test', level: process.env.LOG_LEVEL ?? 'silent' });
const LIMIT = 5;

describe('gateway rate limits through a Redis outage', { skip: ownRedisUnavailable() }, () => {
  let redis: OwnRedis;
  let store: RedisRateStore;
  let gw: RunningGateway;
  let catalog: Listening;

  before(async () => {
    redis = await startOwnRedis();
    catalog = await listenHttp((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}'));
    const stopped = await deadUrl();
    const env: NodeJS.ProcessEnv = { GATEWAY_PORT: '0', GATEWAY_RATE_LIMIT_IP: `${LIMIT}/h` };
    for (const s of ['AUTH', 'USER', 'INVENTORY', 'ORDER', 'PAYMENT', 'REVIEW', 'NOTIFICATION']) env[`${s}_URL`] = stopped;
    env.CATALOG_URL = catalog.url;
    store = new RedisRateStore(redis.url, 'test:ratelimit:', logger);
    gw = await startGateway({ logger, env, rateStore: store });
  });

  after(async () => {
    await gw?.stop();
    await store?.close();
    await catalog?.close();
    await redis?.stop();
  });

  const get = () => fetch(`${gw.url}/api/v1/products/p1`);

  /** Sends `n` requests one after another; answers their statuses and the time they took. */
  async function burst(n: number): Promise<{ statuses: number[]; ms: number }> {
    const started = performance.now();
    const statuses: number[] = [];
    for (let i = 0; i < n; i++) statuses.push((await get()).status);
    return { statuses, ms: performance.now() - started };
  }

  /** Whether the limit is enforced: LIMIT requests pass, the next is refused (the counters start from nothing). */
  async function limited(): Promise<boolean> {
    const admin = new Redis(redis.url);
    await admin.flushall().finally(() => admin.disconnect());
    const { statuses } = await burst(LIMIT + 1);
    return statuses.slice(0, LIMIT).every((s) => s === 200) && statuses[LIMIT] === 429;
  }

  it('counts in Redis while it is up', async () => {
    assert.equal(await limited(), true);
  });

  it('stops waiting for a frozen Redis after a few commands, and lets requests through without limits', async () => {
    redis.freeze();
    try {
      // Before, every request waited out the command timeout (0.5 s each: 15 s for these 30); now
      // the first few do, the rest not at all.
      const { statuses, ms } = await burst(30);
      // All served: the limit (5) is not enforced while Redis is away.
      assert.deepEqual(statuses, Array(30).fill(200));
      assert.equal(store.circuit.available, false, 'the circuit is open');
      assert.ok(ms < 7_500, `30 requests took ${Math.round(ms)} ms`);
    } finally {
      redis.thaw();
    }
    await eventually(() => store.circuit.available, 10_000, 50);
    assert.equal(await limited(), true, 'limited again once Redis is back');
  });

  it('is back after a killed Redis restarts', async () => {
    await redis.kill();
    const { statuses } = await burst(10);
    assert.deepEqual(statuses, Array(10).fill(200));
    await eventually(() => !store.circuit.available, 5_000, 20);
    await redis.restart();
    await eventually(() => store.circuit.available, 15_000, 100);
    assert.equal(await limited(), true);
  });
});
