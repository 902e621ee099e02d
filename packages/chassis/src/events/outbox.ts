import { assertValidEvent, createEvent, type Envelope, type EventData, type EventType, type TypedEnvelope } from '@mercato/contracts';
import { currentContext } from '../context.js';
import type { Queryable } from '../db/db.js';

/**
 * Writes events into the transactional outbox, inside the caller's transaction: they are
 * published if and only if the state change commits.
 */
export interface Outbox {
  /** Builds, validates and stores one event of this service. */
  emit<T extends EventType>(tx: Queryable, type: T, data: EventData<T>, subject: string): Promise<TypedEnvelope<T>>;
  /** Stores ready-made envelopes (validated again: nothing invalid reaches the bus). */
  add(tx: Queryable, events: readonly Envelope[]): Promise<void>;
}

export function createOutbox(source: string): Outbox {
  const add = async (tx: Queryable, events: readonly Envelope[]) => {
    if (events.length === 0) return;
    const params: unknown[] = [];
    const rows: string[] = [];
    for (const e of events) {
      assertValidEvent(e);
      const i = params.length;
      params.push(e.id, e.type, e.subject, JSON.stringify(e));
      rows.push(`($${i + 1}, $${i + 2}, $${i + 3}, $${i + 4}::json)`);
    }
    await tx.query(`INSERT INTO outbox (id, type, subject, payload) VALUES ${rows.join(', ')}`, params);
  };
  return {
    add,
    async emit(tx, type, data, subject) {
      const event = createEvent(type, data, { source, subject, traceparent: currentContext()?.traceparent ?? null });
      await add(tx, [event]);
      return event;
    },
  };
}
