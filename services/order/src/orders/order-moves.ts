import { currentContext, type Outbox, type Queryable } from '@mercato/chassis';
import { buildEvent, newId } from '@mercato/contracts';
import type { Order } from './order.js';
import { decide, type MoveContext, type OrderInput, type Refusal, type Transition } from './order-transitions.js';
import { ordersStore } from './orders.store.js';

/**
 * The one writer of an order after checkout: decides a move on an order the caller holds locked
 * (`decide`, pure) and, when it is allowed, applies it in the caller's transaction — the row, its
 * history, its refund request and its events commit together, in one statement whatever the move.
 */

export interface Applied {
  order: Order;
  transition: Transition;
}

/** The context of a move made now by `actor` (a refund it asks for gets a fresh id). */
export const moveContext = (actor: string): MoveContext => ({ at: new Date(), actor, refundRequestId: newId('rfq') });

/** Writes a decided transition and its events (`Outbox.insert`), in one statement. */
export async function applyTransition(tx: Queryable, outbox: Outbox, from: Order, t: Transition, actor: string): Promise<Order> {
  const traceparent = currentContext()?.traceparent ?? null;
  // Validated by the outbox. The payloads are built from the order after the move (`decide`).
  const events = t.events.map((e) => buildEvent(e.type, e.data as never, { source: 'order', subject: from.id, traceparent }));
  return ordersStore.apply(tx, from, t, actor, events.length > 0 ? outbox.insert(tx, events) : undefined);
}

/** Decides and applies `input` on a locked order: the order as it is now and what moved it, or the refusal (nothing written). */
export async function moveOrder(tx: Queryable, outbox: Outbox, order: Order, input: OrderInput, ctx: MoveContext): Promise<Applied | Refusal> {
  const t = decide(order, input, ctx);
  if (t instanceof Error) return t;
  return { order: await applyTransition(tx, outbox, order, t, ctx.actor), transition: t };
}
