import { InvalidData, type HttpApp } from '@mercato/chassis';
import type { OrderDeps } from '../deps.js';
import { awaitSettled, getOrder } from '../orders/get-order.js';
import { isSettled } from '../orders/order-states.js';
import { placeOrder, type CheckoutAnswer } from '../orders/place-order.js';
import { optionalUser } from './authorize.js';
import { presentCheckout, presentOrder } from './orders.presenter.js';
import { CheckoutAnswerSchema, CheckoutBody, CheckoutHeaders, OrderParams, OrderQuery, OrderSchema } from './orders.schemas.js';

const tags = ['orders'];
export const MAX_WAIT_SECONDS = 30;

/** `Prefer: wait=N` (RFC 7240), capped at 30 seconds; 0 when absent or malformed. */
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

export function ordersRoutes(app: HttpApp, deps: OrderDeps): void {
  const anyone = optionalUser(deps);

  app.post(
    '/checkout',
    {
      ...anyone,
      schema: {
        tags,
        summary: 'Place an order from a cart, once per Idempotency-Key (202 while it is on its way; 200 once settled under Prefer: wait)',
        headers: CheckoutHeaders,
        body: CheckoutBody,
        response: { 200: CheckoutAnswerSchema, 202: CheckoutAnswerSchema },
      },
    },
    async (req, reply) => {
      const key = idempotencyKey(req.headers['idempotency-key']);
      const answer = await placeOrder(deps, req.identity, key, req.body);
      const body = answer.body as CheckoutAnswer;
      const wait = preferredWait(req.headers.prefer);
      const status = wait > 0 ? await awaitSettled(deps, body.orderId, wait) : body.status;
      if (wait > 0) void reply.header('preference-applied', `wait=${wait}`);
      return reply.code(isSettled(status) ? 200 : 202).send(presentCheckout(body, status));
    },
  );

  app.get(
    '/orders/:id',
    {
      ...anyone,
      schema: {
        tags,
        summary: "An order: for its owner, staff, or with a guest order's access token (?token= or X-Order-Token)",
        params: OrderParams,
        querystring: OrderQuery,
        response: { 200: OrderSchema },
      },
    },
    async (req) => {
      const header = req.headers['x-order-token'];
      const token = req.query.token ?? (typeof header === 'string' && header.length === 36 ? header : undefined);
      return presentOrder(await getOrder(deps, req.params.id, req.identity, token));
    },
  );
}
