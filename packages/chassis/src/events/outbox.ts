import { assertValidEvent, buildEvent, type Envelope, type EventData, type EventType, type TypedEnvelope } from '@mercato/contracts';
import { currentContext } from '../context.js';
import { prepared, type Queryable, type Tx } from '../db/db.js';

const isTx = (q: Queryable): q is Tx => typeof (q as Partial<Tx>).beforeCommit === 'function';

/**
 * Writes events into the transactional outbox, inside the caller's transaction: they are
 * published if and only if the state change commits.
 */
export interface Outbox {
  /** Builds, validates and stores one event of this service. */
  emit<T extends EventType>(tx: Queryable, type: T, data: EventData<T>, subject: string): Promise<TypedEnvelope<T>>;
  /** Builds, validates and stores several events of this service about one subject, in one statement. */
  emitAll(tx: Queryable, events: ReadonlyArray<{ [T in EventType]: { type: T; data: EventData<T> } }[EventType]>, subject: string): Promise<Envelope[]>;
  /** Stores ready-made envelopes (validated again: nothing invalid reaches the bus). */
  add(tx: Queryable, events: readonly Envelope[]): Promise<void>;
  /**
   * Ready-made envelopes (validated) as an insert for the caller's own statement, a CTE beside
   * the state change they announce: one round trip for both. The events this transaction
   * queued before go in the same insert, first (the order emitted holds); the caller must run
   * the statement in this transaction.
   */
  insert(tx: Queryable, events: readonly Envelope[]): OutboxInsert;
}

/** The outbox rows of a write, for a caller that stores them in its own statement (see `Outbox.insert`). */
export interface OutboxInsert {
  /** The insert, for a CTE (without RETURNING); parameters from `$first`. */
  sql(first: number): string;
  /** Its parameters, in order. */
  readonly params: readonly unknown[];
}

// One statement text for any number of events. The envelopes travel as one JSON array (each
// element stored as its own text): as a json[] parameter, every envelope would be escaped into
// an array literal first.
const insertSql = (first: number) =>
  `INSERT INTO outbox (id, type, subject, payload)
       SELECT e.id, e.type, e.subject, p.payload
         FROM unnest($${first}::text[], $${first + 1}::text[], $${first + 2}::text[]) WITH ORDINALITY AS e(id, type, subject, n)
         JOIN json_array_elements($${first + 3}::json) WITH ORDINALITY AS p(payload, n) USING (n)
        ORDER BY n`;
const INSERT_SQL = insertSql(1);
const insertParams = (events: readonly Envelope[]) => [events.map((e) => e.id), events.map((e) => e.type), events.map((e) => e.subject), JSON.stringify(events)];

// Transactions that wrote outbox rows (through any outbox): the relay wakes for their commits only.
const writers = new WeakSet<Tx>();

/** Whether `tx` wrote outbox rows (they are in the table once it has committed). */
export const wroteOutbox = (tx: Tx): boolean => writers.has(tx);

export function createOutbox(source: string): Outbox {
  const write = async (tx: Queryable, events: readonly Envelope[]) => {
    // None left when a caller's own statement took them (`insert`).
    if (events.length === 0) return;
    // Prepared once per connection.
    await prepared(tx, 'chassis_outbox_add_json', INSERT_SQL, insertParams(events));
  };
  // Inside a transaction the events are validated at once and written together right before it
  // commits: one statement for every event of the transaction (a run of deliveries handled
  // together emits one or more per event), in the order emitted.
  const pending = new WeakMap<Tx, Envelope[]>();
  const add = async (tx: Queryable, events: readonly Envelope[]) => {
    if (events.length === 0) return;
    for (const e of events) assertValidEvent(e);
    if (!isTx(tx)) return write(tx, events);
    let queued = pending.get(tx);
    if (!queued) {
      const mine: Envelope[] = [];
      queued = mine;
      pending.set(tx, mine);
      writers.add(tx);
      // One statement (or none, when a caller's own statement took the events): it carries the COMMIT.
      tx.beforeCommit(() => write(tx, mine), { oneStatement: true });
    }
    queued.push(...events);
  };
  return {
    add,
    insert(tx, events) {
      for (const e of events) assertValidEvent(e);
      const queued = isTx(tx) ? pending.get(tx) : undefined;
      if (isTx(tx)) writers.add(tx);
      // Taken from the queue: written by this statement instead of at commit.
      const all = queued && queued.length > 0 ? [...queued.splice(0), ...events] : events;
      return { sql: insertSql, params: insertParams(all) };
    },
    async emit(tx, type, data, subject) {
      // Validated once, by `add`.
      const event = buildEvent(type, data, { source, subject, traceparent: currentContext()?.traceparent ?? null });
      await add(tx, [event]);
      return event;
    },
    async emitAll(tx, events, subject) {
      const traceparent = currentContext()?.traceparent ?? null;
      const envelopes: Envelope[] = events.map((e) => buildEvent(e.type, e.data as never, { source, subject, traceparent }));
      await add(tx, envelopes);
      return envelopes;
    },
  };
}
