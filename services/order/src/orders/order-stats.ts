import { InvalidData } from '@mercato/chassis';
import { isCurrency } from '@mercato/contracts';
import type { OrderDeps } from '../deps.js';
import { ORDER_STATUSES, type OrderStatus } from './order-states.js';
import { orderStatsStore } from './order-stats.store.js';

export type StatsInterval = 'day' | 'week';

export interface StatsQuery {
  /** Days of the shop (its ORDER_TIME_ZONE), both included: YYYY-MM-DD. */
  from?: string;
  to?: string;
  interval?: StatsInterval;
  currency?: string;
}

/** At most a year of days, or three years of weeks, in one answer. */
export const MAX_DAYS: Record<StatsInterval, number> = { day: 366, week: 157 * 7 };
const DAY_MS = 86_400_000;

interface Point {
  orders: number;
  confirmedOrders: number;
  revenue: number;
  refunded: number;
}

export interface CurrencyStats extends Point {
  currency: string;
  /** Revenue per confirmed order, rounded to the minor unit; null without one. */
  averageOrderValue: number | null;
  conversionRate: number | null;
  series: Array<{ start: string } & Point>;
}

export interface OrderStats {
  from: string;
  to: string;
  interval: StatsInterval;
  timeZone: string;
  /** The last refresh of the figures: orders changed after it are not in them yet. */
  asOf: Date | null;
  currencies: CurrencyStats[];
  orders: number;
  confirmedOrders: number;
  conversionRate: number | null;
  byStatus: Array<{ status: OrderStatus; count: number }>;
}

const rate = (n: number, of: number) => (of === 0 ? null : Math.round((n / of) * 10_000) / 10_000);
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const dateOf = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);
/** Today in the shop's time zone, as YYYY-MM-DD. */
const today = (timeZone: string, now: Date) => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
/** The Monday on or before a day (1970-01-01, day 0, was a Thursday). */
const weekStart = (n: number) => n - ((n + 3) % 7);

/** The refresh of the roll-up (the job's work): the days whose orders changed are recomputed. */
export async function refreshOrderStats(deps: Pick<OrderDeps, 'db' | 'config'>): Promise<{ days: number } | false> {
  return deps.db.tx((tx) => orderStatsStore.refresh(tx, deps.config.timeZone));
}

/**
 * The dashboard's figures over the orders placed on the shop's days [from, to]: per currency
 * (money is never summed across currencies) revenue, refunds, average order value, conversion of
 * checkouts (orders placed) to confirmed orders, and a series per day or week (Monday first) with
 * empty intervals as zeros; over all currencies, the orders by their current status. Read from the
 * roll-up, which the refresh job keeps within ORDER_STATS_REFRESH_SECONDS of the orders.
 */
export async function orderStats(deps: Pick<OrderDeps, 'db' | 'config'>, q: StatsQuery, now = new Date()): Promise<OrderStats> {
  const timeZone = deps.config.timeZone;
  const interval = q.interval ?? 'day';
  const to = dayNumber(q.to ?? today(timeZone, now));
  const from = q.from === undefined ? to - 29 : dayNumber(q.from);
  const errors = [];
  if (Number.isNaN(from) || Number.isNaN(to)) errors.push({ pointer: '/from', message: 'from and to are dates: YYYY-MM-DD' });
  else if (from > to) errors.push({ pointer: '/from', message: 'must not be after to' });
  else if (to - from + 1 > MAX_DAYS[interval]) errors.push({ pointer: '/from', message: `at most ${MAX_DAYS[interval]} days by ${interval}` });
  if (q.currency !== undefined && !isCurrency(q.currency)) errors.push({ pointer: '/currency', message: `${q.currency} is not an ISO 4217 currency` });
  if (errors.length > 0) throw new InvalidData('The range is invalid', errors);

  const { days, statuses, asOf } = await orderStatsStore.days(deps.db, dateOf(from), dateOf(to), q.currency);
  const starts: number[] = [];
  for (let d = interval === 'day' ? from : weekStart(from); d <= to; d += interval === 'day' ? 1 : 7) starts.push(d);
  const bucketOf = (day: string) => (interval === 'day' ? dayNumber(day) : weekStart(dayNumber(day)));

  const perCurrency = new Map<string, typeof days>();
  for (const row of days) {
    const list = perCurrency.get(row[1]);
    if (list) list.push(row);
    else perCurrency.set(row[1], [row]);
  }
  const byStatus = new Map<OrderStatus, number>();
  for (const [, status, n] of statuses) byStatus.set(status, (byStatus.get(status) ?? 0) + n);
  if (q.currency !== undefined && !perCurrency.has(q.currency)) perCurrency.set(q.currency, []);
  const currencies = [...perCurrency.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, rows]): CurrencyStats => {
      const points = new Map<number, Point>(starts.map((s) => [s, { orders: 0, confirmedOrders: 0, revenue: 0, refunded: 0 }]));
      const total: Point = { orders: 0, confirmedOrders: 0, revenue: 0, refunded: 0 };
      for (const [day, , n, confirmed, revenue, refunded] of rows) {
        for (const p of [points.get(bucketOf(day))!, total]) {
          p.orders += n;
          p.confirmedOrders += confirmed;
          p.revenue += revenue;
          p.refunded += refunded;
        }
      }
      return {
        currency,
        ...total,
        averageOrderValue: total.confirmedOrders === 0 ? null : Math.round(total.revenue / total.confirmedOrders),
        conversionRate: rate(total.confirmedOrders, total.orders),
        series: starts.map((s) => ({ start: dateOf(s), ...points.get(s)! })),
      };
    });
  const orders = currencies.reduce((t, c) => t + c.orders, 0);
  const confirmedOrders = currencies.reduce((t, c) => t + c.confirmedOrders, 0);
  return {
    from: dateOf(from),
    to: dateOf(to),
    interval,
    timeZone,
    asOf: asOf === null ? null : new Date(asOf),
    currencies,
    orders,
    confirmedOrders,
    conversionRate: rate(confirmedOrders, orders),
    byStatus: ORDER_STATUSES.map((status) => ({ status, count: byStatus.get(status) ?? 0 })),
  };
}
