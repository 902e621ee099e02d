import type { Queryable } from '@mercato/chassis';

// The only file that runs SQL on authors (display names, projected from identity events).

export const authorsStore = {
  /** Keeps the newest name of a user: an older event arriving late changes nothing. */
  async upsert(q: Queryable, userId: string, name: string, at: string): Promise<void> {
    await q.query(
      `INSERT INTO authors (user_id, name, updated_at) VALUES ($1, $2, $3)
       ON CONFLICT (user_id) DO UPDATE SET name = excluded.name, updated_at = excluded.updated_at
        WHERE authors.updated_at < excluded.updated_at`,
      [userId, name, at],
    );
  },

  async erase(q: Queryable, userId: string): Promise<void> {
    await q.query('DELETE FROM authors WHERE user_id = $1', [userId]);
  },
};
