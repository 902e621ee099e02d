import type { Identity, Queryable } from '@mercato/chassis';
import type { Money } from '@mercato/contracts';
import type { OrderDeps } from '../deps.js';
import type { Order } from './order.js';
import { moveContext, moveOrder } from './order-moves.js';
import type { OrderInput } from './order-transitions.js';
import { OrderNotFound } from './order.errors.js';
import { reach } from './get-order.js';
import { ordersStore, type StoredOrder } from './orders.store.js';

/**
 * What people do to an order after checkout, each in one transaction on the order locked: the
 * move, its history and its event commit together; a move the state does not allow is a 409
 * with the state (the order's transitions decide), and changes nothing.
 */

function change(deps: OrderDeps, id: string, actorOf: (order: StoredOrder) => string, input: OrderInput): Promise<Order> {
  return deps.db.tx(async (tx: Queryable) => {
    const order = (await ordersStore.lock(tx, [id])).get(id);
    if (!order) throw new OrderNotFound();
    const result = await moveOrder(tx, deps.outbox, order, input, moveContext(actorOf(order)));
    if (result instanceof Error) throw result;
    return result.order;
  });
}

const staff = (identity: Identity) => () => `user:${identity.userId}`;

/**
 * The customer (owner or guest token) or staff cancels an order that has not shipped: the stock
 * goes back (released, or restocked once committed) and whatever was captured is refunded.
 */
export function cancelByCustomer(deps: OrderDeps, id: string, identity: Identity | undefined, accessToken: string | undefined): Promise<Order> {
  return change(deps, id, (order) => reach(order, identity, accessToken), { type: 'Cancel' });
}

/** Staff: a confirmed order leaves the warehouse (OrderShipped, the shipped email). */
export function shipOrder(deps: OrderDeps, id: string, identity: Identity, shipment: { carrier: string; trackingNumber: string }): Promise<Order> {
  return change(deps, id, staff(identity), { type: 'Ship', ...shipment });
}

/** Staff: a shipped order reached its buyer (OrderDelivered: reviews count it as a verified purchase). */
export function deliverOrder(deps: OrderDeps, id: string, identity: Identity): Promise<Order> {
  return change(deps, id, staff(identity), { type: 'Deliver' });
}

/**
 * Staff: refund a paid order, all that is left by default or part of it (RefundRequested). The
 * order becomes `refunded` when payment reports the whole capture given back.
 */
export function refundOrder(deps: OrderDeps, id: string, identity: Identity, request: { amount?: Money; reason?: string }): Promise<Order> {
  return change(deps, id, staff(identity), { type: 'Refund', ...request });
}
