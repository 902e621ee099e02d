import type { Queryable } from '@mercato/chassis';

/** The only code that reads or writes `webhook_events`: the provider event ids already handled. */
export const webhookEventsStore = {
  /** True when the event is new; false when it was handled before (its effect is not repeated). */
  async record(q: Queryable, provider: string, eventId: string, type: string): Promise<boolean> {
    const r = await q.query('INSERT INTO webhook_events (provider, event_id, type) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [provider, eventId, type.slice(0, 100)]);
    return r.rowCount === 1;
  },
};
