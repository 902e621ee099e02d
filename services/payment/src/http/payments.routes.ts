import { accessOf, callerOf, can, operation, requires, signedIn, type HttpApp, type Identity } from '@mercato/chassis';
import type { PaymentDeps } from '../deps.js';
import { PaymentNotFound } from '../payments/payment.errors.js';
import type { Payment } from '../payments/payment.js';
import { paymentsStore } from '../payments/payments.store.js';
import { refundPayment } from '../refunds/refund-payment.js';
import { refundsStore } from '../refunds/refunds.store.js';
import { presentPayment, presentRefund } from './payment.presenter.js';
import { offeredProviders } from '../providers/offered-providers.js';
import { PaymentListSchema, PaymentParams, PaymentQuery, PaymentSchema, ProvidersSchema, RefundBody, RefundSchema, SANDBOX_CARDS } from './payments.schemas.js';

const tags = ['payments'];

export function paymentsRoutes(app: HttpApp, deps: PaymentDeps): void {
  /** The payment if the caller may see it: its owner, or staff. A foreign payment is simply not found. */
  const visible = (p: Payment | undefined, identity: Identity): p is Payment => !!p && (can(identity, 'payments:read:any') || (p.userId !== null && p.userId === identity.userId));

  const providers = { providers: offeredProviders(deps.config, deps.providers.names) };
  app.get(
    '/payments/providers',
    {
      schema: {
        ...operation('listPaymentProviders', 'public'),
        tags,
        summary: 'The payment providers this shop takes (public): checkout refuses any other; with the sandbox, its test cards and what each does',
        response: { 200: ProvidersSchema },
      },
    },
    async (_req, reply) => reply.header('cache-control', 'public, max-age=60').send(providers),
  );

  app.get(
    '/payments/:id',
    {
      ...signedIn(deps),
      schema: {
        ...operation('getPayment', 'signed-in', { 404: 'not_found' }),
        tags,
        summary: 'A payment (its owner, admin or support)',
        description: `Someone else's payment answers 404, like one that does not exist. ${SANDBOX_CARDS}`,
        params: PaymentParams,
        response: { 200: PaymentSchema },
      },
    },
    async (req) => {
      const p = await paymentsStore.get(deps.db, req.params.id);
      if (!visible(p, callerOf(req))) throw new PaymentNotFound();
      return presentPayment(p, await refundsStore.listByPayment(deps.db, p.id));
    },
  );

  app.get(
    '/payments',
    {
      ...signedIn(deps),
      schema: {
        ...operation('listOrderPayments', 'signed-in'),
        tags,
        summary: "An order's payment (its owner, admin or support)",
        description: `An empty list for an order with no payment yet, or one that is not the caller's. ${SANDBOX_CARDS}`,
        querystring: PaymentQuery,
        response: { 200: PaymentListSchema },
      },
    },
    async (req) => {
      const identity = callerOf(req);
      const items = await paymentsStore.listByOrder(deps.db, req.query.orderId, can(identity, 'payments:read:any') ? null : identity.userId);
      return { items: await Promise.all(items.map(async (p) => presentPayment(p, await refundsStore.listByPayment(deps.db, p.id)))) };
    },
  );

  app.post(
    '/payments/:id/refunds',
    {
      ...requires(deps, 'refunds:create'),
      schema: {
        ...operation('refundPayment', accessOf('refunds:create'), { 404: 'not_found', 409: ['refund_exceeds_capture', 'payment_not_refundable'] }),
        tags,
        summary: 'Refund part or all of a payment (admin); never more than was captured (409)',
        description: "`amount` is money, `{ amount, currency }` in minor units of the payment's currency (400 for another).",
        params: PaymentParams,
        body: RefundBody,
        response: { 201: RefundSchema },
      },
    },
    async (req, reply) => {
      const refund = await refundPayment(deps, req.params.id, { amount: req.body.amount, reason: req.body.reason, requestedBy: callerOf(req).userId });
      return reply.code(201).send(presentRefund(refund));
    },
  );
}
