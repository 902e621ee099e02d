import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { skipUnless } from '@mercato/chassis/testing';
import { createEvent, newId } from '@mercato/contracts';
import { delivered, startReview, type ReviewUnderTest } from './support.js';

type Review = { id: string; status?: string; author: string; helpfulCount: number; moderation?: { rule: string | null; reason: string | null } };
type Summary = { count: number; average: number; distribution: Record<string, number> };

const text = (n: number) => ({ title: `Nice thing ${n}`, body: `Review number ${n}: it does what it says, well made and arrived quickly. Variation ${n}.` });

describe('reviews on PostgreSQL', { skip: skipUnless('postgres') }, () => {
  let t: ReviewUnderTest;
  const product = newId('prd');
  const ann = newId('usr');
  const bob = newId('usr');
  const mod = newId('usr');
  const summary = async (p = product) => (await t.as(undefined)('GET', `/reviews/summary?productId=${p}`)).json<Summary>();
  const outbox = async (type: string) => (await t.rows<{ payload: { data: Record<string, unknown> } }>('SELECT payload FROM outbox WHERE type = $1 ORDER BY id', [type])).map((r) => r.payload.data);

  before(async () => {
    t = await startReview();
    await t.deliver(createEvent('UserRegistered', { userId: ann, email: 'ann@example.com', name: 'Ann Example', emailVerified: true, method: 'password', roles: ['customer'] }, { source: 'auth', subject: ann }));
  });
  after(async () => t?.stop());

  it('refuses a review without a delivered order (403 purchase_required), then takes one after OrderDelivered; one per product', async () => {
    const body = { productId: product, rating: 5, ...text(1) };
    const refused = await t.as(ann)('POST', '/reviews', body);
    assert.equal(refused.statusCode, 403);
    assert.equal(refused.json().code, 'purchase_required');
    const event = delivered(ann, [product]);
    await t.deliver(event);
    await t.deliver(event); // redelivered: no second effect
    assert.equal((await t.rows('SELECT * FROM purchases WHERE user_id = $1', [ann])).length, 1);
    const eligible = (await t.as(ann)('GET', `/reviews/eligibility?productId=${product}`)).json();
    assert.deepEqual([eligible.canReview, eligible.reason], [true, 'eligible']);

    const created = await t.as(ann)('POST', '/reviews', body);
    assert.equal(created.statusCode, 201);
    const review = created.json<Review>();
    assert.equal(review.status, 'published');
    assert.equal(review.author, 'Ann E.');
    assert.equal((created.json() as { verifiedPurchase: boolean }).verifiedPurchase, true);
    const again = await t.as(ann)('POST', '/reviews', { ...body, rating: 1 });
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().code, 'already_reviewed');
    assert.equal(again.json().reviewId, review.id);

    assert.deepEqual(await summary(), { productId: product, count: 1, average: 5, distribution: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 1 } });
    assert.deepEqual((await outbox('ReviewPublished')).map((d) => d.reviewId), [review.id]);
    assert.deepEqual((await outbox('ReviewSummaryChanged')).at(-1), { productId: product, ratingAverage: 5, ratingCount: 1 });
  });

  it('holds text by each rule, with the rule, and keeps it off the page and out of the summary', async () => {
    const cases: Array<[string, Record<string, string>]> = [
      ['profanity', { title: 'Meh', body: 'This shirt is shit.' }],
      ['link', { title: 'Deal', body: 'Cheaper at www.example-deals.com right now' }],
      ['repeated_characters', { title: 'Wow', body: 'Sooooooooo good' }],
      ['all_caps', { title: 'TERRIBLE', body: 'DO NOT BUY THIS, IT FELL APART AFTER ONE WEEK' }],
      ['copied_body', { title: 'Copy', body: text(1).body.replace(/[.,:]/g, ' ').replace('Review', 'review') }],
    ];
    for (const [rule, words] of cases) {
      const p = newId('prd');
      const user = newId('usr');
      await t.deliver(delivered(user, [p]));
      const r = await t.as(user)('POST', '/reviews', { productId: p, rating: 1, ...words });
      assert.equal(r.statusCode, 201, rule);
      assert.equal(r.json<Review>().status, 'pending', rule);
      assert.equal(r.json<Review>().moderation!.rule, rule);
      assert.equal((await summary(p)).count, 0);
      assert.equal((await t.as(undefined)('GET', `/reviews?productId=${p}`)).json<{ items: unknown[] }>().items.length, 0);
      assert.equal((await t.as(undefined)('GET', `/reviews/${r.json<Review>().id}`)).statusCode, 404, 'a held review is not public');
    }
    const queue = (await t.as(mod, ['support'])('GET', '/reviews/moderation')).json<{ items: Review[] }>();
    assert.ok(queue.items.length >= 5);
    assert.equal((await t.as(bob)('GET', '/reviews/moderation')).statusCode, 403);
  });

  it('moderators approve, reject with a reason, hide; illegal moves 409; events and summary follow', async () => {
    const p = newId('prd');
    const [u1, u2] = [newId('usr'), newId('usr')];
    await t.deliver(delivered(u1, [p]), delivered(u2, [p]));
    const held = (await t.as(u1)('POST', '/reviews', { productId: p, rating: 2, title: 'Hmm', body: 'Visit http://spam.example for more' })).json<Review>();
    const good = (await t.as(u2)('POST', '/reviews', { productId: p, rating: 4, ...text(7) })).json<Review>();
    assert.deepEqual([(await summary(p)).count, (await summary(p)).average], [1, 4]);
    const as = t.as(mod, ['admin']);
    assert.equal((await t.as(u2)('POST', `/reviews/${held.id}/approve`)).statusCode, 403, 'customers do not moderate');
    assert.equal((await as('POST', `/reviews/${held.id}/approve`)).json<Review>().status, 'published');
    assert.deepEqual((await summary(p)).distribution, { 1: 0, 2: 1, 3: 0, 4: 1, 5: 0 });
    assert.equal((await summary(p)).average, 3);
    const hidden = await as('POST', `/reviews/${good.id}/hide`, {});
    assert.equal(hidden.json<Review>().status, 'hidden');
    assert.equal((await as('POST', `/reviews/${good.id}/hide`, {})).statusCode, 409);
    const rejected = await as('POST', `/reviews/${held.id}/reject`, { reason: 'Links are not allowed' });
    assert.equal(rejected.json<Review>().status, 'rejected');
    assert.equal((await as('POST', `/reviews/${held.id}/reject`, {})).statusCode, 400, 'a reason is required');
    assert.deepEqual(await summary(p), { productId: p, count: 0, average: 0, distribution: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 } });
    const rej = (await outbox('ReviewRejected')).find((d) => d.reviewId === held.id)!;
    assert.equal(rej.reason, 'Links are not allowed');
    assert.equal(rej.rejectedBy, mod);
    const changes = (await outbox('ReviewSummaryChanged')).filter((d) => d.productId === p);
    assert.deepEqual(changes.map((d) => [d.ratingCount, d.ratingAverage]), [[1, 4], [2, 3], [1, 2], [0, 0]]);
    // The author edits the rejected review into a clean one: moderated again, published.
    const edited = await t.as(u1)('PATCH', `/reviews/${held.id}`, { body: 'Works as described after a month of use, no complaints.' });
    assert.equal(edited.json<Review>().status, 'published');
    assert.equal((await t.as(u2)('PATCH', `/reviews/${held.id}`, { rating: 1 })).statusCode, 403, "not someone else's");
    assert.equal((await summary(p)).count, 1);
  });

  it('votes: one per customer, set and taken back, not on your own; reports: once each, the third holds it', async () => {
    const p = newId('prd');
    const author = newId('usr');
    await t.deliver(delivered(author, [p]));
    const r = (await t.as(author)('POST', '/reviews', { productId: p, rating: 5, ...text(9) })).json<Review>();
    const voters = [newId('usr'), newId('usr'), newId('usr')];
    for (const v of voters) assert.equal((await t.as(v)('PUT', `/reviews/${r.id}/helpful`, { helpful: true })).json().helpfulCount, voters.indexOf(v) + 1);
    assert.equal((await t.as(voters[0])('PUT', `/reviews/${r.id}/helpful`, { helpful: true })).json().helpfulCount, 3, 'a second vote counts once');
    assert.equal((await t.as(voters[0])('PUT', `/reviews/${r.id}/helpful`, { helpful: false })).json().helpfulCount, 2);
    assert.equal((await t.as(author)('PUT', `/reviews/${r.id}/helpful`, { helpful: true })).statusCode, 422);
    const list = (await t.as(voters[1])('GET', `/reviews?productId=${p}`)).json<{ items: Array<Review & { votedHelpful: boolean }> }>();
    assert.equal(list.items[0]!.votedHelpful, true);

    const report = (u: string) => t.as(u)('POST', `/reviews/${r.id}/reports`, { reason: 'spam' });
    assert.deepEqual((await report(voters[0]!)).json(), { reportCount: 1, held: false });
    const twice = await report(voters[0]!);
    assert.equal(twice.statusCode, 409);
    assert.equal(twice.json().code, 'already_reported');
    await report(voters[1]!);
    assert.equal((await summary(p)).count, 1);
    assert.deepEqual((await report(voters[2]!)).json(), { reportCount: 3, held: true });
    assert.equal((await summary(p)).count, 0, 'held by reports: off the summary');
    const held = (await t.as(mod, ['support'])('GET', `/reviews/${r.id}`)).json<Review>();
    assert.equal(held.moderation!.rule, 'reported');
  });

  it('lists by cursor in each sort, with a rating filter; refuses a cursor of another sort', async () => {
    const p = newId('prd');
    const users = Array.from({ length: 7 }, () => newId('usr'));
    await t.deliver(...users.map((u) => delivered(u, [p])));
    for (const [i, u] of users.entries()) await t.as(u)('POST', '/reviews', { productId: p, rating: (i % 5) + 1, ...text(100 + i) });
    for (const sort of ['newest', 'helpful', 'rating']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: Array<{ id: string; rating: number }>; nextCursor: string | null } = (
          await t.as(undefined)('GET', `/reviews?productId=${p}&sort=${sort}&limit=3${cursor ? `&cursor=${cursor}` : ''}`)
        ).json();
        seen.push(...page.items.map((x) => x.id));
        if (sort === 'rating') assert.deepEqual(page.items.map((x) => x.rating), [...page.items.map((x) => x.rating)].sort().reverse());
        cursor = page.nextCursor;
      } while (cursor);
      assert.equal(new Set(seen).size, 7, sort);
    }
    const fives = (await t.as(undefined)('GET', `/reviews?productId=${p}&rating=5`)).json<{ items: Array<{ rating: number }> }>();
    assert.deepEqual(fives.items.map((x) => x.rating), [5]);
    const first = (await t.as(undefined)('GET', `/reviews?productId=${p}&sort=newest&limit=2`)).json<{ nextCursor: string }>();
    const wrong = await t.as(undefined)('GET', `/reviews?productId=${p}&sort=rating&cursor=${first.nextCursor}`);
    assert.equal(wrong.statusCode, 400);
    assert.equal((await t.as(undefined)('POST', '/reviews', { productId: p, rating: 5, ...text(1) })).statusCode, 401);
    assert.equal((await t.as(users[0])('POST', '/reviews', { productId: p, rating: 6, ...text(1) })).statusCode, 400);
    assert.equal((await t.as(users[0])('POST', '/reviews', { productId: p, rating: 5, title: 'x'.repeat(121), body: 'ok' })).statusCode, 400);
  });

  it('stores text as given (no HTML is interpreted) and staff reply', async () => {
    const p = newId('prd');
    const u = newId('usr');
    await t.deliver(delivered(u, [p]));
    const body = 'Looks <b>great</b> & fits "well" <script>alert(1)</script> overall';
    const r = (await t.as(u)('POST', '/reviews', { productId: p, rating: 4, title: 'Fine <i>shirt</i>', body })).json<Review & { body: string }>();
    assert.equal(r.body, body);
    assert.equal((await t.as(u)('PUT', `/reviews/${r.id}/reply`, { body: 'Thanks!' })).statusCode, 403);
    const replied = (await t.as(mod, ['catalog_manager'])('PUT', `/reviews/${r.id}/reply`, { body: 'Thank you for your review!' })).json<{ reply: { body: string } }>();
    assert.equal(replied.reply.body, 'Thank you for your review!');
  });

  it('UserDeleted anonymises the author: reviews stay, name, votes, reports and purchases go', async () => {
    const p = newId('prd');
    const gone = newId('usr');
    const other = newId('usr');
    await t.deliver(delivered(gone, [p]), delivered(other, [p]));
    await t.deliver(createEvent('UserRegistered', { userId: gone, email: 'g@example.com', name: 'Gina Gone', emailVerified: true, method: 'password', roles: ['customer'] }, { source: 'auth', subject: gone }));
    const mine = (await t.as(gone)('POST', '/reviews', { productId: p, rating: 3, ...text(300) })).json<Review>();
    const theirs = (await t.as(other)('POST', '/reviews', { productId: p, rating: 5, ...text(301) })).json<Review>();
    await t.as(gone)('PUT', `/reviews/${theirs.id}/helpful`, { helpful: true });
    const erase = createEvent('UserDeleted', { userId: gone, deletedBy: null, deletedAt: new Date().toISOString() }, { source: 'user', subject: gone });
    await t.deliver(erase);
    await t.deliver(erase);
    const after = (await t.as(undefined)('GET', `/reviews/${mine.id}`)).json<Review>();
    assert.equal(after.author, 'A former customer');
    assert.equal((await t.rows('SELECT 1 FROM reviews WHERE user_id = $1', [gone])).length, 0);
    assert.equal((await t.rows('SELECT 1 FROM purchases WHERE user_id = $1', [gone])).length, 0);
    assert.equal((await t.as(undefined)('GET', `/reviews/${theirs.id}`)).json<Review>().helpfulCount, 0);
    assert.equal((await summary(p)).count, 2, 'the published set is unchanged');
  });

  it('documents every route with an operationId, and its security', async () => {
    const doc = (await t.svc.app.inject({ method: 'GET', url: '/openapi.json' })).json<{ paths: Record<string, Record<string, { operationId?: string; security?: unknown }>> }>();
    const ops = Object.values(doc.paths).flatMap((p) => Object.values(p));
    assert.ok(ops.length >= 14);
    assert.ok(ops.every((o) => typeof o.operationId === 'string' && Array.isArray(o.security)), JSON.stringify(ops.map((o) => o.operationId)));
  });
});
