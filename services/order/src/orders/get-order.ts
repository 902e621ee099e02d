import { timingSafeEqual } from 'node:crypto';
import type { Identity } from '@mercato/chassis';
import type { OrderDeps } from '../deps.js';
import type { Order } from './order.js';
import { isSettled, type OrderStatus } from './order-states.js';
import { OrderNotFound } from './order.errors.js';
import { orderTokenHash } from './order-token.js';
import { ordersStore } from './orders.store.js';

const STAFF = ['admin', 'support'];

/**
 * An order for who may read it: its owner (token), staff (admin, support), or for a guest
 * order whoever holds its access token. Anyone else gets the same 404 as for an unknown id.
 */
export async function getOrder(deps: OrderDeps, id: string, identity: Identity | undefined, accessToken: string | undefined): Promise<Order> {
  const order = await ordersStore.byId(deps.db, id);
  if (!order) throw new OrderNotFound();
  const { accessTokenHash, ...rest } = order;
  if (identity && STAFF.some((r) => identity.roles.includes(r))) return rest;
  if (identity && order.userId !== null && order.userId === identity.userId) return rest;
  if (accessToken !== undefined && accessTokenHash !== null && timingSafeEqual(orderTokenHash(accessToken), accessTokenHash)) return rest;
  throw new OrderNotFound();
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits up to `seconds` for the order to settle (confirmed, cancelled, refunded, or past
 * confirmed), polling its status; answers the status it has then.
 */
export async function awaitSettled(deps: OrderDeps, orderId: string, seconds: number, pollMs = 200): Promise<OrderStatus> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const status = (await ordersStore.statusOf(deps.db, orderId)) ?? 'pending';
    const left = deadline - Date.now();
    if (isSettled(status) || left <= 0) return status;
    await sleep(Math.min(pollMs, left));
  }
}
