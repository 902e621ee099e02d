import { InvalidData, type Identity } from '@mercato/chassis';
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
  /** Placed at or after / before (ISO 8601). */
  from?: string;
  to?: string;
  currency?: string;
  /** Total in minor units, inclusive. */
  minTotal?: number;
  maxTotal?: number;
  /** A prefix of the order id or of the email. */
  q?: string;
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
 * staff see everyone's, or one customer's with `userId`. Every filter applies to both.
 */
export async function listOrders(deps: OrderDeps, identity: Identity, q: OrderListQuery): Promise<{ items: Order[]; nextCursor: string | null }> {
  const limit = q.limit ?? 20;
  const from = q.from === undefined ? undefined : new Date(q.from);
  const to = q.to === undefined ? undefined : new Date(q.to);
  if (from && to && from >= to) throw new InvalidData('from must be before to', [{ pointer: '/from', message: 'must be before to' }]);
  if (q.minTotal !== undefined && q.maxTotal !== undefined && q.minTotal > q.maxTotal) {
    throw new InvalidData('minTotal is above maxTotal', [{ pointer: '/minTotal', message: 'must not be above maxTotal' }]);
  }
  const search = q.q?.trim();
  const items = await ordersStore.page(deps.db, {
    userId: isStaff(identity) ? q.userId : identity.userId,
    status: q.status,
    currency: q.currency,
    from,
    to,
    minTotal: q.minTotal,
    maxTotal: q.maxTotal,
    search: search ? search : undefined,
    afterId: q.cursor === undefined ? undefined : decode(q.cursor),
    limit: limit + 1,
  });
  const more = items.length > limit;
  if (more) items.length = limit;
  return { items, nextCursor: more ? encode(items[items.length - 1]!) : null };
}
