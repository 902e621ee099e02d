import type { Identity } from '@mercato/chassis';
import { ID_PATTERN } from '@mercato/contracts';
import type { OrderDeps } from '../deps.js';
import type { Order } from './order.js';
import type { OrderStatus } from './order-states.js';
import { BadCursor } from './order.errors.js';
import { isStaff } from './get-order.js';
import { ordersStore } from './orders.store.js';

export interface OrderListQuery {
  limit?: number;
  cursor?: string;
  status?: OrderStatus;
  /** Staff only: one customer's orders. */
  userId?: string;
}

// The cursor names the last order of the page; the next page starts after its position, read
// from the database (timestamps there are finer than a JavaScript Date).
const encode = (o: Order) => Buffer.from(o.id).toString('base64url');

function decode(cursor: string): string {
  const id = Buffer.from(cursor, 'base64url').toString();
  if (!new RegExp(ID_PATTERN).test(id)) throw new BadCursor();
  return id;
}

/**
 * Orders newest first, by keyset (stable while new orders arrive): a customer sees their own;
 * staff see everyone's, or one customer's with `userId`.
 */
export async function listOrders(deps: OrderDeps, identity: Identity, q: OrderListQuery): Promise<{ items: Order[]; nextCursor: string | null }> {
  const limit = q.limit ?? 20;
  const userId = isStaff(identity) ? q.userId : identity.userId;
  const items = await ordersStore.page(deps.db, { userId, status: q.status, afterId: q.cursor === undefined ? undefined : decode(q.cursor), limit: limit + 1 });
  const more = items.length > limit;
  if (more) items.length = limit;
  return { items, nextCursor: more ? encode(items[items.length - 1]!) : null };
}
