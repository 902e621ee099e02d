import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createLogger } from '@mercato/chassis';
import { eventually, skipUnless, startTestService, TEST_REDIS_URL, uniqueName, type ServiceUnderTest } from '@mercato/chassis/testing';
import { createEvent, newId } from '@mercato/contracts';
import { reviewService } from '@mercato/review';
import { Redis } from 'ioredis';
import { startGateway, type RunningGateway } from '../src/gateway.js';

// Rating summaries at the edge, distributed: a real review service (its generation in Redis) behind
// two gateway replicas sharing that Redis. A review written (or moderated) is seen through either
// replica at the next read; a change whose purge was lost is served stale for at most the
// summary's max-age, capped by GATEWAY_CACHE_MAX_TTL_SECONDS.

const logger = createLogger({ service: 'test', level: process.env.LOG_LEVEL ?? 'silent' });
const EDGE_TTL_S = 1;
const HIT = 'mercato-gateway; hit';
const MISS = 'mercato-gateway; fwd=miss';

describe('rating summaries in the gateway edge cache (Redis, two replicas)', { skip: skipUnless('postgres', 'redis') }, () => {
  const prefix = `${uniqueName('edge-rev')}:`;
  let review: ServiceUnderTest;
  let a: RunningGateway;
  let b: RunningGateway;

  const replica = (reviewUrl: string, redisUrl = TEST_REDIS_URL) =>
    startGateway({
      logger,
      env: {
        GATEWAY_PORT: '0',
        GATEWAY_RATE_LIMIT_IP: '0',
        GATEWAY_RATE_LIMIT_USER: '0',
        GATEWAY_RATE_LIMIT_PREFIX: `${prefix}rl:`,
        REDIS_URL: redisUrl,
        CATALOG_CACHE_PREFIX: `${prefix}catalog:`,
        REVIEW_CACHE_PREFIX: `${prefix}review:`,
        GATEWAY_CACHE_MAX_TTL_SECONDS: String(EDGE_TTL_S),
      },
      upstreams: { review: reviewUrl },
    });

  before(async () => {
    review = await startTestService(reviewService, {
      env: { REDIS_URL: TEST_REDIS_URL, REVIEW_CACHE_PREFIX: `${prefix}review:`, REVIEW_SUMMARY_CACHE_MS: '60000' },
      listen: true,
    });
    [a, b] = await Promise.all([replica(review.svc.url), replica(review.svc.url)]);
  });
  after(async () => {
    await a?.stop();
    await b?.stop();
    await review?.stop();
    const redis = new Redis(TEST_REDIS_URL);
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });

  async function summary(gw: RunningGateway, productId: string): Promise<{ count: number; average: number; cache: string | null }> {
    const res = await fetch(`${gw.url}/api/v1/reviews/summary?productId=${productId}`);
    assert.equal(res.status, 200);
    const body = (await res.json()) as { count: number; average: number };
    return { count: body.count, average: body.average, cache: res.headers.get('cache-status') };
  }

  /** A customer who received `productId` (OrderDelivered), writing a review of it. */
  async function reviewBy(productId: string, rating: number): Promise<string> {
    const userId = newId('usr');
    const orderId = newId('ord');
    await review.deliver(
      createEvent('OrderDelivered', { orderId, userId, deliveredAt: new Date().toISOString(), lines: [{ productId, sku: 'SKU-1' }] }, { source: 'order', subject: orderId }),
    );
    const res = await review.call({ userId, roles: ['customer'] }, 'POST', '/reviews', { productId, rating, title: 'Solid', body: `Arrived on time and works as described, ${rating} stars.` });
    assert.equal(res.statusCode, 201, JSON.stringify(res.json()));
    assert.equal(res.json().status, 'published');
    return res.json().id as string;
  }

  it('keeps summaries in Redis, shared by both replicas', async () => {
    const productId = newId('prd');
    assert.deepEqual(await summary(a, productId), { count: 0, average: 0, cache: MISS });
    assert.equal((await summary(a, productId)).cache, HIT);
    // The other replica finds it in Redis.
    assert.equal((await summary(b, productId)).cache, HIT);
  });

  it('a review written is seen through either replica at the next read; so is a moderator hiding it', async () => {
    const productId = newId('prd');
    for (const gw of [a, b]) await summary(gw, productId);
    assert.equal((await summary(b, productId)).cache, HIT);

    const id = await reviewBy(productId, 4);
    assert.deepEqual(await summary(b, productId), { count: 1, average: 4, cache: MISS });
    assert.deepEqual(await summary(a, productId), { count: 1, average: 4, cache: HIT });

    const hidden = await review.call({ userId: newId('usr'), roles: ['admin'] }, 'POST', `/reviews/${id}/hide`, {});
    assert.equal(hidden.statusCode, 200, JSON.stringify(hidden.json()));
    assert.equal((await summary(a, productId)).count, 0);
    assert.equal((await summary(b, productId)).count, 0);
  });

  it(`a kept summary is asked for again after at most the cap (${EDGE_TTL_S} s): the bound on a lost purge`, async () => {
    const productId = newId('prd');
    await summary(a, productId);
    const kept = performance.now();
    assert.equal((await summary(a, productId)).cache, HIT);
    await eventually(async () => (await summary(a, productId)).cache !== HIT, (EDGE_TTL_S + 2) * 1000, 50);
    assert.ok(performance.now() - kept <= EDGE_TTL_S * 1000 + 500, 'the kept answer outlived its cap');
  });

  it('passes summaries on, never kept, while Redis cannot be reached', async () => {
    const lost = await replica(review.svc.url, 'redis://127.0.0.1:1');
    try {
      const productId = newId('prd');
      for (let i = 0; i < 3; i++) assert.deepEqual(await summary(lost, productId), { count: 0, average: 0, cache: MISS });
    } finally {
      await lost.stop();
    }
  });
});
