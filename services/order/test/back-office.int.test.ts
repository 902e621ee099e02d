import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { skipUnless } from '@mercato/chassis/testing';
import { newId } from '@mercato/contracts';
import { loadOrderConfig } from '../src/config.js';
import { orderStats, refreshOrderStats } from '../src/orders/order-stats.js';
import { bearer, startOrder, type OrderUnderTest } from './support.js';

interface Money {
  amount: number;
  currency: string;
}
interface Stats {
  asOf: string | null;
  orders: number;
  confirmedOrders: number;
  conversionRate: number | null;
  byStatus: Array<{ status: string; count: number }>;
  currencies: Array<{
    currency: string;
    orders: number;
    confirmedOrders: number;
    conversionRate: number | null;
    revenue: Money;
    refunded: Money;
    netRevenue: Money;
    averageOrderValue: Money | null;
    series: Array<{ start: string; orders: number; confirmedOrders: number; revenue: Money }>;
  }>;
}
interface OrderJson {
  id: string;
  email: string;
  status: string;
  totals: { total: Money };
  payment: { status: string; paid: Money; refunded: Money };
  history?: Array<{ to: string; actor?: string }>;
  refunds?: Array<{ amount: Money; reason: string; status: string; requestedBy: string }>;
}

const admin = bearer(newId('usr'), ['admin']);
const support = bearer(newId('usr'), ['support']);

/** Orders written straight into the table, as the checkout and the saga leave them. */
interface Seed {
  at: string;
  currency?: string;
  status?: string;
  total?: number;
  confirmed?: boolean;
  refunded?: number;
  email?: string;
  userId?: string | null;
}

describe('order service: back office reads', { skip: skipUnless('postgres') }, () => {
  let o: OrderUnderTest;
  const ids: string[] = [];
  const seed = async (s: Seed) => {
    const id = newId('ord');
    const confirmed = s.confirmed ?? ['confirmed', 'shipped', 'delivered', 'refunded'].includes(s.status ?? 'confirmed');
    const total = s.total ?? 1000;
    const status = s.status ?? 'confirmed';
    await o.svc.db.query(
      `INSERT INTO orders (id, cart_id, user_id, email, status, cancel_reason, currency, lines, shipping_address, subtotal, shipping, tax, total,
                           tax_rate, prices_include_tax, payment, access_token_hash, created_at, confirmed_at, paid_amount, refunded_amount, refund_requested)
       VALUES ($1, $2, $3, $4, $5, $6, $7, '[]', '{"name":"A","line1":"1","city":"B","country":"US"}', $8::bigint, 0, 0, $8::bigint, 0, false,
               '{"provider":"sandbox","paymentMethod":"pm_card_visa"}', CASE WHEN $3::text IS NULL THEN sha256(convert_to($1::text, 'UTF8')) END,
               $9, CASE WHEN $10 THEN $9::timestamptz + interval '1 minute' END, CASE WHEN $10 THEN $8::bigint ELSE 0 END, $11::bigint, $11::bigint)`,
      [id, newId('cart'), s.userId === undefined ? newId('usr') : s.userId, s.email ?? 'shopper@example.com', status, status === 'cancelled' ? 'customer' : null,
        s.currency ?? 'USD', total, s.at, confirmed, s.refunded ?? 0],
    );
    ids.push(id);
    return id;
  };

  before(async () => {
    o = await startOrder();
    // Berlin is UTC+1 in January: 23:30 UTC on the 1st is the 2nd there.
    await seed({ at: '2026-01-01T10:00:00Z', total: 1000 });
    await seed({ at: '2026-01-01T23:30:00Z', total: 3000, status: 'shipped', refunded: 500 });
    await seed({ at: '2026-01-02T12:00:00Z', total: 2000, status: 'cancelled', confirmed: false });
    await seed({ at: '2026-01-02T13:00:00Z', total: 700, status: 'pending', confirmed: false });
    await seed({ at: '2026-01-03T09:00:00Z', total: 5000, currency: 'EUR' });
    await seed({ at: '2025-12-31T23:59:59Z', total: 99999 }); // before the range
    await seed({ at: '2026-01-04T00:00:00Z', total: 99999 }); // at `to`: outside
  });
  after(async () => {
    await o?.stop();
  });

  const stats = (query: string, headers: Record<string, string> = admin) => o.anonymous('GET', `/orders/stats?${query}`, undefined, headers);
  const refresh = (timeZone = 'UTC') => refreshOrderStats({ db: o.svc.db, config: { ...loadOrderConfig({}), timeZone } });

  it('computes revenue, refunds, average order value, conversion and a daily series per currency, from the refreshed roll-up', async () => {
    const before = (await stats('from=2026-01-01&to=2026-01-03')).json<Stats>();
    assert.equal(before.orders, 0, 'nothing before the first refresh');
    assert.equal(before.asOf, null);
    await refresh();
    const res = await stats('from=2026-01-01&to=2026-01-03');
    assert.equal(res.statusCode, 200, res.body);
    const s = res.json<Stats>();
    assert.ok(s.asOf);
    assert.equal(s.orders, 5);
    assert.equal(s.confirmedOrders, 3);
    assert.equal(s.conversionRate, 0.6);
    assert.deepEqual(
      s.byStatus.filter((b) => b.count > 0),
      [
        { status: 'pending', count: 1 },
        { status: 'confirmed', count: 2 },
        { status: 'shipped', count: 1 },
        { status: 'cancelled', count: 1 },
      ],
    );
    const [eur, usd] = s.currencies;
    assert.deepEqual(eur!.revenue, { amount: 5000, currency: 'EUR' });
    assert.equal(usd!.currency, 'USD');
    assert.equal(usd!.orders, 4);
    assert.equal(usd!.confirmedOrders, 2);
    assert.equal(usd!.conversionRate, 0.5);
    assert.deepEqual(usd!.revenue, { amount: 4000, currency: 'USD' });
    assert.deepEqual(usd!.refunded, { amount: 500, currency: 'USD' });
    assert.deepEqual(usd!.netRevenue, { amount: 3500, currency: 'USD' });
    assert.deepEqual(usd!.averageOrderValue, { amount: 2000, currency: 'USD' });
    assert.deepEqual(
      usd!.series.map((p) => [p.start, p.orders, p.confirmedOrders, p.revenue.amount]),
      [
        ['2026-01-01', 2, 2, 4000],
        ['2026-01-02', 2, 0, 0],
        ['2026-01-03', 0, 0, 0],
      ],
    );
  });

  it('takes in changed orders on the next refresh, and counts weeks from Monday', async () => {
    const late = await seed({ at: '2026-01-05T08:00:00Z', total: 800, status: 'awaiting_payment', confirmed: false });
    await refresh();
    await o.svc.db.query(`UPDATE orders SET status = 'confirmed', confirmed_at = now(), paid_amount = total, updated_at = now() WHERE id = $1`, [late]);
    assert.equal((await stats('from=2026-01-05&to=2026-01-05&currency=USD')).json<Stats>().confirmedOrders, 0, 'not before the refresh');
    await refresh();
    const day = (await stats('from=2026-01-05&to=2026-01-05&currency=USD')).json<Stats>();
    assert.deepEqual([day.orders, day.confirmedOrders, day.currencies[0]!.revenue.amount], [1, 1, 800]);
    const weeks = (await stats('from=2025-12-29&to=2026-01-11&interval=week&currency=USD')).json<Stats>();
    assert.deepEqual(
      weeks.currencies[0]!.series.map((p) => [p.start, p.orders]),
      [
        ['2025-12-29', 6],
        ['2026-01-05', 1],
      ],
    );
    const none = (await stats('from=2026-01-01&to=2026-01-01&currency=JPY')).json<Stats>();
    assert.deepEqual([none.currencies[0]!.orders, none.currencies[0]!.averageOrderValue, none.currencies[0]!.conversionRate], [0, null, null]);
  });

  it("counts days in the shop's time zone, and rebuilds the roll-up when it changes", async () => {
    await refresh('Europe/Berlin');
    const berlin = await orderStats({ db: o.svc.db, config: { ...loadOrderConfig({}), timeZone: 'Europe/Berlin' } }, { from: '2026-01-01', to: '2026-01-03', currency: 'USD' });
    assert.deepEqual(
      berlin.currencies[0]!.series.map((p) => [p.start, p.orders]),
      [
        ['2026-01-01', 2], // 23:59:59 UTC on Dec 31 is already Jan 1 in Berlin
        ['2026-01-02', 3], // and 23:30 UTC on Jan 1 is Jan 2
        ['2026-01-03', 0],
      ],
    );
    await refresh('UTC');
    assert.equal((await stats('from=2026-01-01&to=2026-01-01&currency=USD')).json<Stats>().orders, 2);
  });

  it('refuses bad ranges and non-staff callers', async () => {
    for (const q of ['from=2026-01-02&to=2026-01-01', 'from=2020-01-01&to=2026-01-01', 'from=2026-01-01T00:00:00Z', 'currency=XXQ', 'interval=month', 'extra=1']) {
      const res = await stats(q);
      assert.equal(res.statusCode, 400, q);
      assert.equal(res.json<{ code: string }>().code, 'invalid_data');
    }
    assert.equal((await stats('', support)).statusCode, 200);
    assert.equal((await stats('', bearer(newId('usr'), ['catalog_manager']))).statusCode, 403);
    assert.equal((await o.anonymous('GET', '/orders/stats')).statusCode, 401);
  });

  it('lists orders for staff with filters and a search by order id or email prefix, by keyset', async () => {
    const alice = newId('usr');
    const a1 = await seed({ at: '2026-02-01T10:00:00Z', email: 'Alice.Smith@example.com', total: 2500, userId: alice });
    const a2 = await seed({ at: '2026-02-02T10:00:00Z', email: 'alice.smith@example.com', total: 500, status: 'cancelled', confirmed: false, userId: alice });
    await seed({ at: '2026-02-03T10:00:00Z', email: 'bob@example.com', total: 900, currency: 'EUR' });
    await seed({ at: '2026-02-04T10:00:00Z', email: 'al_x@example.com', total: 900 }); // `_` is not a wildcard
    const list = async (query: string, headers = support) => {
      const res = await o.anonymous('GET', `/orders?${query}`, undefined, headers);
      assert.equal(res.statusCode, 200, res.body);
      return res.json<{ items: OrderJson[]; nextCursor: string | null }>();
    };
    assert.deepEqual((await list('q=ALICE.s')).items.map((x) => x.id), [a2, a1]);
    assert.deepEqual((await list('q=al_')).items.map((x) => x.email), ['al_x@example.com']);
    assert.deepEqual((await list(`q=${a1.slice(0, -3)}`)).items.map((x) => x.id), [a1]);
    assert.deepEqual((await list(`userId=${alice}&status=cancelled`)).items.map((x) => x.id), [a2]);
    assert.deepEqual((await list('from=2026-02-01T00:00:00Z&to=2026-02-03T00:00:00Z&minTotal=1000')).items.map((x) => x.id), [a1]);
    assert.deepEqual((await list('from=2026-02-01T00:00:00Z&currency=EUR')).items.map((x) => x.email), ['bob@example.com']);
    const first = await list('from=2026-02-01T00:00:00Z&limit=3');
    assert.equal(first.items.length, 3);
    const second = await list(`from=2026-02-01T00:00:00Z&limit=3&cursor=${first.nextCursor}`);
    assert.deepEqual(second.items.map((x) => x.id), [a1]);
    assert.equal(second.nextCursor, null);
    // A customer's filters apply to their own orders only.
    const mine = await list('q=alice', bearer(alice, ['customer']));
    assert.deepEqual(mine.items.map((x) => x.id), [a2, a1]);
    assert.equal((await list('q=bob', bearer(alice, ['customer']))).items.length, 0);
    const bad = await o.anonymous('GET', '/orders?minTotal=10&maxTotal=5', undefined, support);
    assert.equal(bad.statusCode, 400);
  });

  it("shows staff an order's payment summary, who moved it and its refunds", async () => {
    const id = await seed({ at: '2026-03-01T10:00:00Z', total: 4000, status: 'shipped', refunded: 1500 });
    await o.svc.db.query(`INSERT INTO order_history (order_id, from_status, to_status, actor) VALUES ($1, 'confirmed', 'shipped', 'user:usr_admin')`, [id]);
    await o.svc.db.query(`INSERT INTO order_refunds (id, order_id, amount, reason, status, requested_by) VALUES ('rfr_1', $1, 1500, 'damaged', 'refunded', 'user:usr_admin')`, [id]);
    const res = await o.anonymous('GET', `/orders/${id}`, undefined, support);
    assert.equal(res.statusCode, 200, res.body);
    const order = res.json<OrderJson>();
    assert.deepEqual(order.payment.status, 'partially_refunded');
    assert.deepEqual([order.payment.paid.amount, order.payment.refunded.amount], [4000, 1500]);
    assert.deepEqual(order.history, [{ from: 'confirmed', to: 'shipped', reason: null, actor: 'user:usr_admin', at: (order.history as unknown as Array<{ at: string }>)[0]!.at }]);
    assert.deepEqual(order.refunds!.map((r) => [r.amount.amount, r.reason, r.status, r.requestedBy]), [[1500, 'damaged', 'refunded', 'user:usr_admin']]);
  });
});
