import { InvalidData, type Identity, type Queryable } from '@mercato/chassis';
import type { Money } from '@mercato/contracts';
import type { OrderDeps } from '../deps.js';
import type { Order } from './order.js';
import { orderDelivered, orderShipped } from './order-events.js';
import { cancelOrder, requestRefund } from './order-moves.js';
import { canMove, isCancellable } from './order-states.js';
import { IllegalTransition, OrderNotFound, RefundExceedsPayment } from './order.errors.js';
import { reach } from './get-order.js';
import { ordersStore, type StoredOrder } from './orders.store.js';

/**
 * What people do to an order after checkout, each in one transaction on the order locked: the
 * move, its history and its event commit together; a move the state does not allow is a 409
 * with the state, and changes nothing.
 */

async function locked<T>(deps: OrderDeps, id: string, work: (tx: Queryable, order: StoredOrder) => Promise<T>): Promise<T> {
  return deps.db.tx(async (tx) => {
    const order = (await ordersStore.lock(tx, [id])).get(id);
    if (!order) throw new OrderNotFound();
    return work(tx, order);
  });
}

/**
 * The customer (owner or guest token) or staff cancels an order that has not shipped: the stock
 * goes back (released, or restocked once committed) and whatever was captured is refunded.
 */
export function cancelByCustomer(deps: OrderDeps, id: string, identity: Identity | undefined, accessToken: string | undefined): Promise<Order> {
  return locked(deps, id, async (tx, order) => {
    const actor = reach(order, identity, accessToken);
    if (!isCancellable(order.status)) throw new IllegalTransition('cancelled', order.status);
    return cancelOrder(tx, deps.outbox, order, 'customer', { actor, stockReserved: order.status !== 'pending' });
  });
}

/** Staff: a confirmed order leaves the warehouse (OrderShipped, the shipped email). */
export function shipOrder(deps: OrderDeps, id: string, identity: Identity, shipment: { carrier: string; trackingNumber: string }): Promise<Order> {
  return locked(deps, id, async (tx, order) => {
    if (!canMove(order.status, 'shipped')) throw new IllegalTransition('shipped', order.status);
    const moved = await ordersStore.move(
      tx,
      order.id,
      order.status,
      'shipped',
      { carrier: shipment.carrier, tracking_number: shipment.trackingNumber, shipped_at: new Date() },
      { reason: null, actor: `user:${identity.userId}` },
    );
    await deps.outbox.emit(tx, 'OrderShipped', orderShipped(moved!), order.id);
    return moved!;
  });
}

/** Staff: a shipped order reached its buyer (OrderDelivered: reviews count it as a verified purchase). */
export function deliverOrder(deps: OrderDeps, id: string, identity: Identity): Promise<Order> {
  return locked(deps, id, async (tx, order) => {
    if (!canMove(order.status, 'delivered')) throw new IllegalTransition('delivered', order.status);
    const moved = await ordersStore.move(tx, order.id, order.status, 'delivered', { delivered_at: new Date() }, { reason: null, actor: `user:${identity.userId}` });
    await deps.outbox.emit(tx, 'OrderDelivered', orderDelivered(moved!), order.id);
    return moved!;
  });
}

/**
 * Staff: refund a paid order, all that is left by default or part of it (RefundRequested). The
 * order becomes `refunded` when payment reports the whole capture given back.
 */
export function refundOrder(deps: OrderDeps, id: string, identity: Identity, request: { amount?: Money; reason?: string }): Promise<Order> {
  return locked(deps, id, async (tx, order) => {
    const refundable = order.paidAmount - order.refundRequested;
    if (!canMove(order.status, 'refunded') || refundable <= 0) throw new IllegalTransition('refunded', order.status);
    if (request.amount && request.amount.currency !== order.currency) {
      throw new InvalidData(`The order is in ${order.currency}`, [{ pointer: '/amount/currency', message: `must be the order's currency, ${order.currency}` }]);
    }
    const amount = request.amount?.amount ?? refundable;
    if (amount > refundable) throw new RefundExceedsPayment(amount, refundable, order.currency);
    return requestRefund(tx, deps.outbox, order, amount, request.reason ?? 'refund by staff', { actor: `user:${identity.userId}` });
  });
}
