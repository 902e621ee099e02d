import type { Outbox, Queryable } from '@mercato/chassis';
import { newId } from '@mercato/contracts';
import type { Order } from './order.js';
import { orderCancelled, refundRequested } from './order-events.js';
import type { CancelReason } from './order-states.js';
import { ordersStore, type Change } from './orders.store.js';

/**
 * Moves shared by the saga and the API, each in the caller's transaction on an order it holds
 * locked: the row, the history and the event commit together.
 */

export interface Why {
  actor: string;
}

/**
 * Cancels an order. `stockReserved` tells inventory whether it should expect to hold stock
 * (inventory's own record decides what is released). Anything captured is asked back.
 */
export async function cancelOrder(
  tx: Queryable,
  outbox: Outbox,
  order: Order,
  reason: CancelReason,
  why: Why & { stockReserved: boolean; change?: Change },
): Promise<Order> {
  const moved = await ordersStore.move(tx, order.id, order.status, 'cancelled', { ...why.change, cancel_reason: reason, cancelled_at: new Date() }, { reason, actor: why.actor });
  if (!moved) throw new Error(`order ${order.id} left ${order.status} under its lock`);
  await outbox.emit(tx, 'OrderCancelled', orderCancelled(moved, reason, why.stockReserved), moved.id);
  const owed = moved.paidAmount - moved.refundRequested;
  return owed > 0 ? requestRefund(tx, outbox, moved, owed, `order cancelled (${reason})`, why) : moved;
}

/** Asks payment to give `amount` back (RefundRequested), recorded against the order. */
export async function requestRefund(tx: Queryable, outbox: Outbox, order: Order, amount: number, reason: string, why: Why): Promise<Order> {
  const id = newId('rfq');
  await ordersStore.addRefund(tx, { id, orderId: order.id, amount, reason, requestedBy: why.actor });
  const patched = await ordersStore.patch(tx, order.id, { refund_requested: order.refundRequested + amount });
  await outbox.emit(tx, 'RefundRequested', refundRequested(patched, id, amount, reason), order.id);
  return patched;
}
