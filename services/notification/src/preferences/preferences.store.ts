import { prepared, type Queryable } from '@mercato/chassis';
import { effectivePreferences, type Category, type ChannelName, type Preferences } from './preferences.js';

// The only file that runs SQL on preferences.

export const preferencesStore = {
  async of(q: Queryable, userId: string): Promise<Preferences> {
    const r = await prepared<{ channel: ChannelName; category: Category; enabled: boolean }>(
      q,
      'notification_preferences_of',
      'SELECT channel, category, enabled FROM preferences WHERE user_id = $1',
      [userId],
    );
    return effectivePreferences(r.rows);
  },

  async set(q: Queryable, userId: string, choices: ReadonlyArray<{ channel: ChannelName; category: Category; enabled: boolean }>): Promise<void> {
    if (choices.length === 0) return;
    await q.query(
      `INSERT INTO preferences (user_id, channel, category, enabled)
       SELECT $1, * FROM unnest($2::text[], $3::text[], $4::boolean[])
       ON CONFLICT (user_id, channel, category) DO UPDATE SET enabled = excluded.enabled, updated_at = now()`,
      [userId, choices.map((c) => c.channel), choices.map((c) => c.category), choices.map((c) => c.enabled)],
    );
  },

  async erase(q: Queryable, userId: string): Promise<void> {
    await q.query('DELETE FROM preferences WHERE user_id = $1', [userId]);
  },
};
