import { currentContext, type Outbox, type Queryable } from '@mercato/chassis';
import { buildEvent, newId } from '@mercato/contracts';
import type { Order } from './order.js';
import { decide, type MoveContext, type OrderInput, type Refusal, type Transition } from './order-transitions.js';
import { ordersStore, transitionShape } from './orders.store.js';

/**
 * The one writer of an order after checkout: decides a move on an order the caller holds locked
 * (`decide`, pure) and, when it is allowed, applies it in the caller's transaction — the row, its
 * history, its refund request and its events commit together, in one statement whatever the move
 * (and one statement for the moves of several orders that share a shape, `applyTransitions`).
 */

export interface Applied {
  order: Order;
  transition: Transition;
}

/** The context of a move made now by `actor` (a refund it asks for gets a fresh id). */
export const moveContext = (actor: string): MoveContext => ({ at: new Date(), actor, refundRequestId: newId('rfq') });

/** Writes a decided transition and its events (`Outbox.insert`), in one statement: a run of one. */
export async function applyTransition(tx: Queryable, outbox: Outbox, from: Order, t: Transition, actor: string): Promise<Order> {
  return (await applyTransitions(tx, outbox, [{ from, t, actor }])).get(from.id)!;
}

/** A decided transition of a locked order, to be written. */
export interface Decided {
  from: Order;
  t: Transition;
  actor: string;
}

/**
 * Writes the decided transitions of distinct locked orders (each order at most once), one
 * statement per shape of move (`transitionShape`) with that shape's events: a run of saga events
 * moves its orders alike, so mostly one statement for the run. The events of one order keep
 * their order; those of different orders are stored by shape, then in the order given. Answers
 * each order as it is now, by id.
 */
export async function applyTransitions(tx: Queryable, outbox: Outbox, moves: readonly Decided[]): Promise<Map<string, Order>> {
  const traceparent = currentContext()?.traceparent ?? null;
  const byShape = new Map<string, Decided[]>();
  for (const m of moves) {
    const shape = transitionShape(m.t);
    const same = byShape.get(shape);
    if (same) same.push(m);
    else byShape.set(shape, [m]);
  }
  const out = new Map<string, Order>();
  for (const run of byShape.values()) {
    // Validated by the outbox. The payloads are built from each order after its move (`decide`).
    const events = run.flatMap(({ from, t }) => t.events.map((e) => buildEvent(e.type, e.data as never, { source: 'order', subject: from.id, traceparent })));
    const moved = await ordersStore.applyRun(
      tx,
      run.map(({ from, t, actor }) => ({ order: from, t, actor })),
      events.length > 0 ? outbox.insert(tx, events) : undefined,
    );
    for (const [id, order] of moved) out.set(id, order);
  }
  return out;
}

/** Decides and applies `input` on a locked order: the order as it is now and what moved it, or the refusal (nothing written). */
export async function moveOrder(tx: Queryable, outbox: Outbox, order: Order, input: OrderInput, ctx: MoveContext): Promise<Applied | Refusal> {
  const t = decide(order, input, ctx);
  if (t instanceof Error) return t;
  return { order: await applyTransition(tx, outbox, order, t, ctx.actor), transition: t };
}
