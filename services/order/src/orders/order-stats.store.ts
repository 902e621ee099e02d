import type { Queryable } from '@mercato/chassis';
import type { OrderStatus } from './order-states.js';

/** Per day and currency: [day, currency, orders, confirmed, revenue, refunded]; per currency and status: [currency, status, orders]. */
export interface StatsDays {
  asOf: string | null;
  days: Array<[string, string, number, number, number, number]>;
  statuses: Array<[string, OrderStatus, number]>;
}

/**
 * A change older than this when the roll-up last ran is taken in again: a transaction that set
 * an order's updated_at (its start time) before a refresh but committed after it is still seen.
 */
export const REFRESH_OVERLAP = '5 minutes';

/**
 * The dashboard's roll-up (`order_stats_days`) and the SQL that keeps it. "Confirmed" is an order
 * that reached `confirmed` (whatever came after: shipped, refunded…).
 */
export const orderStatsStore = {
  /**
   * Recomputes every day that has an order changed since the last refresh (all days when the time
   * zone changed or on the first run), in the caller's transaction. Several replicas: one refreshes
   * at a time, the others skip (false).
   */
  async refresh(tx: Queryable, timeZone: string): Promise<{ days: number } | false> {
    const locked = await tx.query<{ ok: boolean }>(`SELECT pg_try_advisory_xact_lock(hashtext('mercato.order_stats_refresh')) AS ok`);
    if (!locked.rows[0]!.ok) return false;
    const state = await tx.query<{ time_zone: string; refreshed_to: Date }>('SELECT time_zone, refreshed_to FROM order_stats_state');
    const current = state.rows[0];
    const full = current === undefined || current.time_zone !== timeZone;
    if (full) await tx.query('DELETE FROM order_stats_days');
    const days = await tx.query<{ day: string }>(
      `SELECT DISTINCT (created_at AT TIME ZONE $1)::date::text AS day FROM orders
        WHERE $2::timestamptz IS NULL OR updated_at >= $2::timestamptz - interval '${REFRESH_OVERLAP}'`,
      [timeZone, full ? null : current.refreshed_to],
    );
    const list = days.rows.map((r) => r.day);
    if (list.length > 0) {
      await tx.query('DELETE FROM order_stats_days WHERE day = ANY($1::date[])', [list]);
      await tx.query(
        `INSERT INTO order_stats_days (day, currency, status, orders, confirmed, revenue, refunded)
         SELECT d.day, o.currency, o.status, count(*), count(*) FILTER (WHERE o.confirmed_at IS NOT NULL),
                COALESCE(sum(o.total) FILTER (WHERE o.confirmed_at IS NOT NULL), 0),
                COALESCE(sum(o.refunded_amount) FILTER (WHERE o.confirmed_at IS NOT NULL), 0)
           FROM unnest($1::date[]) AS d(day)
           JOIN orders o ON o.created_at >= (d.day::timestamp AT TIME ZONE $2) AND o.created_at < ((d.day + 1)::timestamp AT TIME ZONE $2)
          GROUP BY d.day, o.currency, o.status`,
        [list, timeZone],
      );
    }
    await tx.query(
      `INSERT INTO order_stats_state (time_zone, refreshed_to) VALUES ($1, now())
       ON CONFLICT (singleton) DO UPDATE SET time_zone = EXCLUDED.time_zone, refreshed_to = EXCLUDED.refreshed_to`,
      [timeZone],
    );
    return { days: list.length };
  },

  /**
   * The roll-up summed per day and currency, and per currency and status, for days in [from, to]
   * (dates of the shop), with when it was last refreshed: one row of JSON (a few hundred rows
   * parsed one field at a time cost more than the query).
   */
  async days(db: Queryable, from: string, to: string, currency: string | undefined): Promise<StatsDays> {
    const r = await db.query<{ stats: StatsDays }>(
      `WITH s AS (SELECT * FROM order_stats_days WHERE day BETWEEN $1::date AND $2::date AND ($3::text IS NULL OR currency = $3))
       SELECT json_build_object(
         'asOf', (SELECT refreshed_to FROM order_stats_state),
         'days', COALESCE((SELECT json_agg(json_build_array(day, currency, orders, confirmed, revenue, refunded))
                             FROM (SELECT day, currency, sum(orders) AS orders, sum(confirmed) AS confirmed, sum(revenue) AS revenue, sum(refunded) AS refunded
                                     FROM s GROUP BY day, currency) d), '[]'),
         'statuses', COALESCE((SELECT json_agg(json_build_array(currency, status, orders))
                                 FROM (SELECT currency, status, sum(orders) AS orders FROM s GROUP BY currency, status) t), '[]')) AS stats`,
      [from, to, currency ?? null],
    );
    return r.rows[0]!.stats;
  },
};
