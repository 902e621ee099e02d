import type { Queryable } from '@mercato/chassis';

export interface ThrottleRow extends Record<string, unknown> {
  key: string;
  failures: number;
  window_start: Date;
  last_failure_at: Date;
  locked_until: Date | null;
  now: Date;
}

/** The only code that reads or writes `login_throttles`. */
export const loginThrottlesStore = {
  /** The counters of the keys, with the database's clock (every replica shares one). */
  async read(q: Queryable, keys: string[]): Promise<{ rows: ThrottleRow[]; now: Date }> {
    const r = await q.query<ThrottleRow>('SELECT *, now() AS now FROM login_throttles WHERE key = ANY ($1)', [keys]);
    const now = r.rows[0]?.now ?? (await q.query<{ now: Date }>('SELECT now() AS now')).rows[0]!.now;
    return { rows: r.rows, now };
  },

  /**
   * Counts a failure: a new window when the last one has ended, and a lock of `lockS` seconds
   * when the count reaches `lockAfter` (0: never).
   */
  async recordFailure(q: Queryable, key: string, opts: { windowS: number; lockAfter: number; lockS: number }): Promise<void> {
    await q.query(
      `INSERT INTO login_throttles AS t (key, failures, window_start, last_failure_at)
       VALUES ($1, 1, now(), now())
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN t.window_start + make_interval(secs => $2) <= now() THEN 1 ELSE t.failures + 1 END,
         window_start = CASE WHEN t.window_start + make_interval(secs => $2) <= now() THEN now() ELSE t.window_start END,
         last_failure_at = now(),
         locked_until = CASE
           WHEN $3 > 0 AND t.window_start + make_interval(secs => $2) > now() AND t.failures + 1 >= $3
             THEN now() + make_interval(secs => $4)
           ELSE t.locked_until END`,
      [key, opts.windowS, opts.lockAfter, opts.lockS],
    );
  },

  async clear(q: Queryable, key: string): Promise<void> {
    await q.query('DELETE FROM login_throttles WHERE key = $1', [key]);
  },
};
