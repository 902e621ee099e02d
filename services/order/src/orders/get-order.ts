import { timingSafeEqual } from 'node:crypto';
import { can, type Identity } from '@mercato/chassis';
import type { OrderDeps } from '../deps.js';
import type { HistoryEntry, Order } from './order.js';
import { OrderNotFound } from './order.errors.js';
import { orderTokenHash } from './order-token.js';
import { ordersStore, type RefundRecord, type StoredOrder } from './orders.store.js';

/** Staff (support, admin) reach every order; a customer their own. */
export const isStaff = (identity: Identity | undefined): boolean => can(identity, 'orders:read:any');

/**
 * Who is asking about an order, for the history: `user:<id>` or `guest` (by its access token).
 * Throws the same 404 as for an unknown id when the caller may not reach the order: only its
 * owner, staff (admin, support) or, for a guest order, whoever holds its access token may.
 */
export function reach(order: StoredOrder, identity: Identity | undefined, accessToken: string | undefined): string {
  if (identity && (isStaff(identity) || (order.userId !== null && order.userId === identity.userId))) return `user:${identity.userId}`;
  if (accessToken !== undefined && order.accessTokenHash !== null && timingSafeEqual(orderTokenHash(accessToken), order.accessTokenHash)) return 'guest';
  throw new OrderNotFound();
}

/**
 * An order, with its history, for who may read it (see `reach`); staff also get the refunds the
 * order asked for (with who asked) and who made each move.
 */
export async function getOrder(
  deps: OrderDeps,
  id: string,
  identity: Identity | undefined,
  accessToken: string | undefined,
): Promise<Order & { history: HistoryEntry[]; refunds?: RefundRecord[]; staffView: boolean }> {
  const order = await ordersStore.byId(deps.db, id);
  if (!order) throw new OrderNotFound();
  reach(order, identity, accessToken);
  const { accessTokenHash: _hash, ...rest } = order;
  const staffView = isStaff(identity);
  const [history, refunds] = await Promise.all([ordersStore.history(deps.db, id), staffView ? ordersStore.refunds(deps.db, id) : undefined]);
  return { ...rest, history, staffView, ...(refunds ? { refunds } : {}) };
}
