import type { Queryable } from '@mercato/chassis';

/** The only code that reads or writes `request_counters`. */
export const requestCountersStore = {
  /**
   * Counts one request under `key` in a fixed window of `windowS` seconds (a new window once the
   * last has ended), atomically; returns the count in the window and the seconds left in it.
   */
  async hit(q: Queryable, key: string, windowS: number): Promise<{ hits: number; resetS: number }> {
    const r = await q.query<{ hits: number; reset_s: number }>(
      `INSERT INTO request_counters AS c (key, hits, window_start) VALUES ($1, 1, now())
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN c.window_start + make_interval(secs => $2) <= now() THEN 1 ELSE c.hits + 1 END,
         window_start = CASE WHEN c.window_start + make_interval(secs => $2) <= now() THEN now() ELSE c.window_start END
       RETURNING hits, greatest(1, ceil(extract(epoch FROM window_start + make_interval(secs => $2) - now())))::int AS reset_s`,
      [key, windowS],
    );
    return { hits: r.rows[0]!.hits, resetS: r.rows[0]!.reset_s };
  },
};
