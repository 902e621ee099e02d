import { accessOf, callerOf, type FastifyRequest, type HttpApp, InvalidData, operation, optionalIdentity, requires, signedIn } from '@mercato/chassis';
import type { OrderDeps } from '../deps.js';
import { cancelByCustomer, deliverOrder, refundOrder, shipOrder } from '../orders/change-order.js';
import { checkout } from '../orders/checkout.js';
import { getOrder } from '../orders/get-order.js';
import { listOrders } from '../orders/list-orders.js';
import { orderStats } from '../orders/order-stats.js';
import { isSettled } from '../orders/order-states.js';
import { presentCheckout, presentOrder, presentStats } from './orders.presenter.js';
import {
  CheckoutAnswerSchema,
  CheckoutBody,
  CheckoutHeaders,
  OrderList,
  OrderListQuery,
  OrderParams,
  OrderQuery,
  OrderSchema,
  RefundBody,
  SANDBOX_CARDS,
  ShipBody,
  StatsQuery,
  StatsSchema,
} from './orders.schemas.js';

const tags = ['orders'];
export const MAX_WAIT_SECONDS = 30;

/** `Prefer: wait=N` (RFC 7240), at most 30 seconds (the service's own limit is lower); 0 when absent or malformed. */
export function preferredWait(prefer: string | undefined): number {
  const m = /(?:^|[,;]\s*)wait\s*=\s*"?(\d{1,6})"?\s*(?:$|[,;])/i.exec(prefer ?? '');
  return m ? Math.min(Number(m[1]), MAX_WAIT_SECONDS) : 0;
}

function idempotencyKey(raw: string | undefined): string {
  if (raw === undefined || raw.length < 1 || raw.length > 255) {
    throw new InvalidData('The Idempotency-Key header is required: 1 to 255 characters, one per checkout attempt', [
      { pointer: '/idempotency-key', message: 'must be 1 to 255 characters' },
    ]);
  }
  return raw;
}

/** The buyer of a checkout: who they are and, signed in, the credentials to ask the user service on their behalf. */
const buyerOf = (req: FastifyRequest) => ({ identity: req.identity, authorization: req.headers.authorization });

/** A guest order's access token, from `?token=` or the X-Order-Token header. */
function accessToken(req: { query: { token?: string }; headers: FastifyRequest['headers'] }): string | undefined {
  const header = req.headers['x-order-token'];
  return req.query.token ?? (typeof header === 'string' && header.length === 36 ? header : undefined);
}

export function ordersRoutes(app: HttpApp, deps: OrderDeps): void {
  const anyone = optionalIdentity(deps);
  // The role is checked before the body is validated, as everywhere: a customer learns nothing about the route.

  app.post(
    '/checkout',
    {
      ...anyone,
      schema: {
        ...operation('checkout', 'optional', {
          400: 'invalid_data',
          404: 'not_found',
          409: ['cart_checked_out', 'prices_changed', 'request_in_flight'],
          422: ['empty_cart', 'lines_unavailable', 'no_shipping_to_country', 'idempotency_key_reused', 'address_not_found', 'payment_provider_unavailable', 'payment_method_invalid'],
          503: 'payment_unavailable',
        }),
        tags,
        summary:
          'Place an order from a cart, once per Idempotency-Key: 202 with its state while it is on its way, 200 once settled; Prefer: wait=N holds the answer until it settles or awaits a customer step (Preference-Applied says the wait applied)',
        description: `A guest sends \`email\` and \`shippingAddress\`. A signed-in buyer may leave out \`email\` (their profile's is used) and send \`shippingAddressId\` / \`billingAddressId\` (one of their saved addresses; 422 \`address_not_found\` otherwise): both are read from the user service with the buyer's token (503/504 when it does not answer). The payment provider must be one the shop takes (\`GET /payments/providers\`; 422 \`payment_provider_unavailable\` otherwise, \`payment_method_invalid\` for a sandbox method that is no test card). ${SANDBOX_CARDS}`,
        headers: CheckoutHeaders,
        body: CheckoutBody,
        response: { 200: CheckoutAnswerSchema, 202: CheckoutAnswerSchema },
      },
    },
    async (req, reply) => {
      const key = idempotencyKey(req.headers['idempotency-key']);
      const { answer, state, waited } = await checkout(deps, buyerOf(req), key, req.body, preferredWait(req.headers.prefer));
      if (waited !== undefined) void reply.header('preference-applied', `wait=${waited}`);
      return reply.code(isSettled(state.status) ? 200 : 202).send(presentCheckout(answer, state));
    },
  );

  // Registered before /orders/:id; the static path wins either way.
  app.get(
    '/orders/stats',
    {
      ...requires(deps, 'orders:stats:read'),
      schema: {
        ...operation('getOrderStats', accessOf('orders:stats:read')),
        tags,
        summary: 'Staff (admin, support): revenue, orders, average order value, conversion and orders by status over a date range, per currency',
        description:
          "Over the orders placed on the shop's days from–to (both included, in its time zone): per currency, revenue (totals of orders that reached confirmed), refunds, average order value, conversion of checkouts (orders placed) to confirmed orders, and a series per day or week (empty intervals as zeros); over all currencies, the orders by their current status. Read from a roll-up refreshed every few seconds (`asOf`).",
        querystring: StatsQuery,
        response: { 200: StatsSchema },
      },
    },
    async (req) => presentStats(await orderStats(deps, req.query)),
  );

  app.get(
    '/orders/:id',
    {
      ...anyone,
      schema: {
        ...operation('getOrder', 'optional', { 404: 'not_found' }),
        tags,
        summary: "An order: for its owner, staff, or with a guest order's access token (?token= or X-Order-Token)",
        params: OrderParams,
        querystring: OrderQuery,
        response: { 200: OrderSchema },
      },
    },
    async (req) => presentOrder(await getOrder(deps, req.params.id, req.identity, accessToken(req))),
  );

  app.get(
    '/orders',
    {
      ...signedIn(deps),
      schema: {
        ...operation('listOrders', 'signed-in', { 400: 'invalid_cursor' }),
        tags,
        summary: "The caller's orders, newest first (staff: everyone's, or one customer's with userId), filtered by status, date, currency, total, or an order id or email prefix",
        querystring: OrderListQuery,
        response: { 200: OrderList },
      },
    },
    async (req) => {
      const page = await listOrders(deps, callerOf(req), req.query);
      return { items: page.items.map((o) => presentOrder(o)), nextCursor: page.nextCursor };
    },
  );

  app.post(
    '/orders/:id/cancel',
    {
      ...anyone,
      schema: {
        ...operation('cancelOrder', 'optional', { 404: 'not_found', 409: 'illegal_transition' }),
        tags,
        summary: 'Cancel an order before it ships (its owner, a guest with its token, or staff): the stock goes back, a payment is refunded',
        params: OrderParams,
        querystring: OrderQuery,
        response: { 200: OrderSchema },
      },
    },
    async (req) => presentOrder(await cancelByCustomer(deps, req.params.id, req.identity, accessToken(req))),
  );

  app.post(
    '/orders/:id/ship',
    {
      ...requires(deps, 'orders:fulfil'),
      schema: {
        ...operation('shipOrder', accessOf('orders:fulfil'), { 404: 'not_found', 409: 'illegal_transition' }),
        tags,
        summary: 'Admin: a confirmed order ships (OrderShipped; the customer gets the tracking number)',
        params: OrderParams,
        body: ShipBody,
        response: { 200: OrderSchema },
      },
    },
    async (req) => presentOrder(await shipOrder(deps, req.params.id, callerOf(req), req.body)),
  );

  app.post(
    '/orders/:id/deliver',
    {
      ...requires(deps, 'orders:fulfil'),
      schema: {
        ...operation('deliverOrder', accessOf('orders:fulfil'), { 404: 'not_found', 409: 'illegal_transition' }),
        tags,
        summary: 'Admin: a shipped order was delivered (OrderDelivered)',
        params: OrderParams,
        response: { 200: OrderSchema },
      },
    },
    async (req) => presentOrder(await deliverOrder(deps, req.params.id, callerOf(req))),
  );

  app.post(
    '/orders/:id/refund',
    {
      ...requires(deps, 'refunds:create'),
      schema: {
        ...operation('refundOrder', accessOf('refunds:create'), { 404: 'not_found', 409: ['illegal_transition', 'refund_exceeds_payment'] }),
        tags,
        summary: 'Admin: refund a paid order, in full or in part (RefundRequested; the order becomes refunded when all is given back)',
        description: "`amount` is money, `{ amount, currency }` in minor units of the order's currency (400 for another); all that is left to refund when absent.",
        params: OrderParams,
        body: RefundBody,
        response: { 202: OrderSchema },
      },
    },
    async (req, reply) => reply.code(202).send(presentOrder(await refundOrder(deps, req.params.id, callerOf(req), req.body))),
  );
}
