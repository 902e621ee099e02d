import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { skipUnless } from '@mercato/chassis/testing';
import { newId } from '@mercato/contracts';
import fc from 'fast-check';
import type { ReviewDeps } from '../src/deps.js';
import { deleteReview, moderateReview } from '../src/reviews/moderate-review.js';
import { moveFor, type ModeratorAction, type ReviewStatus } from '../src/reviews/review-states.js';
import { createReview, editReview } from '../src/reviews/write-review.js';
import { SummaryCache } from '../src/summaries/summary-cache.js';
import { delivered, startReview, type ReviewUnderTest } from './support.js';

const LANES = 4;
const USERS_PER_LANE = 6;
const PRODUCTS = 2;
const STEPS = 1000;

type Step =
  | { kind: 'create'; lane: number; user: number; product: number; rating: number }
  | { kind: 'edit'; lane: number; pick: number; rating: number }
  | { kind: ModeratorAction | 'delete'; lane: number; pick: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), lane: fc.nat(LANES - 1), user: fc.nat(USERS_PER_LANE - 1), product: fc.nat(PRODUCTS - 1), rating: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ kind: fc.constant('edit' as const), lane: fc.nat(LANES - 1), pick: fc.nat(50), rating: fc.integer({ min: 1, max: 5 }) }),
  ...(['approve', 'reject', 'hide', 'delete'] as const).map((kind) => fc.record({ kind: fc.constant(kind), lane: fc.nat(LANES - 1), pick: fc.nat(50) })),
);

interface Modelled {
  id: string;
  product: number;
  rating: number;
  status: ReviewStatus;
}

const body = (n: string) => `Plain review ${n}: arrived on time and works as described.`;

describe('rating summaries stay exact under concurrent writers (fast-check)', { skip: skipUnless('postgres') }, () => {
  let t: ReviewUnderTest;
  let deps: ReviewDeps;

  before(async () => {
    t = await startReview({ REVIEW_SUMMARY_CACHE_MS: '0' });
    const { db, outbox, logger } = t.svc;
    deps = { db, outbox, logger, authenticator: undefined as never, summaries: new SummaryCache(db, logger, { ttlMs: 0, maxEntries: 0 }) };
  });
  after(async () => t?.stop());

  it(`${STEPS} random create/edit/approve/reject/hide/delete steps in ${LANES} concurrent lanes: every summary equals its reviews`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: STEPS, maxLength: STEPS }), async (steps) => {
        const products = Array.from({ length: PRODUCTS }, () => newId('prd'));
        const users = Array.from({ length: LANES }, () => Array.from({ length: USERS_PER_LANE }, () => newId('usr')));
        await t.deliver(...users.flat().map((u) => delivered(u, products)));
        const moderator = { userId: newId('usr'), roles: ['admin'], expiresAt: 0 };
        // Each lane owns its authors' reviews, so each review's fate is decided by one lane, in
        // order; the lanes race each other on the same products' summaries.
        const model: Modelled[][] = Array.from({ length: LANES }, () => []);
        await Promise.all(
          Array.from({ length: LANES }, async (_, lane) => {
            const mine = model[lane]!;
            for (const s of steps.filter((x) => x.lane === lane)) {
              if (s.kind === 'create') {
                const caller = { userId: users[lane]![s.user]!, roles: ['customer'], expiresAt: 0 };
                const exists = mine.some((m) => m.id.startsWith(`${caller.userId}|${s.product}|`));
                try {
                  const r = await createReview(deps, caller, products[s.product]!, { rating: s.rating, title: 'Fine', body: body(newId('x')) });
                  assert.ok(!exists, 'a second review of one product is refused');
                  mine.push({ id: `${caller.userId}|${s.product}|${r.id}`, product: s.product, rating: s.rating, status: r.status });
                } catch (err) {
                  assert.ok(exists, String(err));
                }
                continue;
              }
              if (mine.length === 0) continue;
              const m = mine[s.pick % mine.length]!;
              const [author, , reviewId] = m.id.split('|') as [string, string, string];
              if (s.kind === 'edit') {
                const r = await editReview(deps, { userId: author, roles: ['customer'], expiresAt: 0 }, reviewId, { rating: s.rating });
                Object.assign(m, { rating: s.rating, status: r.status });
              } else if (s.kind === 'delete') {
                await deleteReview(deps, moderator, reviewId, true);
                mine.splice(mine.indexOf(m), 1);
              } else {
                const to = moveFor(m.status, s.kind);
                try {
                  await moderateReview(deps, moderator, reviewId, s.kind, 'Not suitable');
                  assert.ok(to, `${s.kind} from ${m.status} is refused`);
                  m.status = to;
                } catch (err) {
                  assert.equal(to, undefined, String(err));
                }
              }
            }
          }),
        );
        for (const [i, productId] of products.entries()) {
          const ratings = model.flat().filter((m) => m.product === i && m.status === 'published').map((m) => m.rating);
          const expected = {
            count: ratings.length,
            average: ratings.length ? Math.round((ratings.reduce((a, b) => a + b, 0) / ratings.length) * 10) / 10 : 0,
            distribution: Object.fromEntries([1, 2, 3, 4, 5].map((n) => [n, ratings.filter((r) => r === n).length])),
          };
          const stored = await t.rows<{ count: number; average: string; r1: number; r2: number; r3: number; r4: number; r5: number }>(
            'SELECT count, average::text, r1, r2, r3, r4, r5 FROM review_summaries WHERE product_id = $1',
            [productId],
          );
          const s = stored[0] ?? { count: 0, average: '0', r1: 0, r2: 0, r3: 0, r4: 0, r5: 0 };
          assert.deepEqual(
            { count: s.count, average: Number(s.average), distribution: { 1: s.r1, 2: s.r2, 3: s.r3, 4: s.r4, 5: s.r5 } },
            expected,
            `summary of product ${i}`,
          );
          // The last event announced for the product is the final state (what the catalog shows).
          const events = await t.rows<{ payload: { data: { ratingAverage: number; ratingCount: number } } }>(
            `SELECT payload FROM outbox WHERE type = 'ReviewSummaryChanged' AND subject = $1 ORDER BY id`,
            [productId],
          );
          const last = events.at(-1)?.payload.data ?? { ratingAverage: 0, ratingCount: 0 };
          assert.deepEqual([last.ratingCount, last.ratingAverage], [expected.count, expected.average], `last event of product ${i}`);
        }
      }),
      { numRuns: 1 },
    );
  });
});
