import { newId } from '@mercato/contracts';
import type { OrderDeps } from '../deps.js';
import { placeOrder, type Buyer, type CheckoutAnswer, type CheckoutRequest } from './place-order.js';
import { ordersStore, type CheckoutState } from './orders.store.js';

export interface CheckoutOutcome {
  /** The answer stored under the Idempotency-Key (order id, token, totals). */
  answer: CheckoutAnswer;
  /** The order as it is now: not the `pending` it was stored with when the key is replayed. */
  state: CheckoutState;
  /** The wait applied, in seconds, when one was asked for (never over the configured limit). */
  waited: number | undefined;
}

/**
 * The checkout as the API offers it: places the order once per Idempotency-Key (placeOrder), then
 * answers the order's current state. Under `Prefer: wait` it holds the answer until the order
 * settles, or waits for its customer (a 3-D Secure step), or the wait — capped by
 * ORDER_CHECKOUT_MAX_WAIT_SECONDS, below the gateway's upstream timeout — runs out.
 */
export async function checkout(
  deps: OrderDeps,
  buyer: Buyer,
  idempotencyKey: string,
  request: CheckoutRequest,
  preferWaitSeconds: number,
): Promise<CheckoutOutcome> {
  const waited = preferWaitSeconds > 0 ? Math.min(preferWaitSeconds, deps.config.checkoutMaxWaitSeconds) : undefined;
  const orderId = newId('ord');
  // Watched from before it exists, the new order's settlement cannot be missed.
  const watch = waited ? await deps.settled.watch(orderId) : undefined;
  let answer: CheckoutAnswer;
  try {
    answer = (await placeOrder(deps, buyer, idempotencyKey, request, orderId)).body as CheckoutAnswer;
  } catch (err) {
    watch?.close();
    throw err;
  }
  const placedNow = answer.orderId === orderId;
  let state: CheckoutState;
  if (placedNow && watch) state = await deps.settled.until(watch, waited!, { status: answer.status, nextActionUrl: null });
  else if (placedNow) state = { status: answer.status, nextActionUrl: null };
  else {
    // A replayed key: the stored answer is about an order placed before, which has moved on since.
    watch?.close();
    state = waited
      ? await deps.settled.wait(answer.orderId, waited)
      : ((await ordersStore.checkoutStateOf(deps.db, answer.orderId)) ?? { status: answer.status, nextActionUrl: null });
  }
  return { answer, state, waited };
}
