import { mediaResponse, operation, type HttpApp } from '@mercato/chassis';
import { formatMinor } from '@mercato/contracts';
import type { Static } from '@sinclair/typebox';
import type { PaymentDeps } from '../deps.js';
import { completeSandboxAction } from '../payments/complete-sandbox-action.js';
import { PaymentNotFound } from '../payments/payment.errors.js';
import { paymentsStore } from '../payments/payments.store.js';
import type { RazorpayProvider } from '../providers/razorpay.provider.js';
import { sandboxActionPath } from '../providers/sandbox.provider.js';
import { ActionForm, ActionParams, ActionQuery, SANDBOX_CARDS } from './payments.schemas.js';

const tags = ['customer steps'];

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const page = (title: string, body: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem}button{font-size:1rem;padding:.5rem 1.25rem;margin-right:.5rem}</style>
</head><body>${body}</body></html>`;

const htmlHeaders = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'x-frame-options': 'DENY' };

/**
 * Pages the customer is sent to for an extra step (links go through the gateway): the sandbox's
 * "authenticate this payment" page, and the Razorpay Checkout page for a Razorpay order.
 */
export function pagesRoutes(app: HttpApp, deps: PaymentDeps): void {
  const base = deps.config.publicUrl;

  app.get(
    '/payments/sandbox/authenticate/:id',
    {
      schema: {
        ...operation('getSandboxAuthenticationPage', 'public', { 404: 'not_found' }),
        tags,
        summary: 'The sandbox customer step: an HTML page with Complete and Fail',
        description: `Where \`nextActionUrl\` leads for the sandbox card \`pm_card_authenticationRequired\`; the token in the URL is the capability. ${SANDBOX_CARDS}`,
        params: ActionParams,
        querystring: ActionQuery,
        response: { 200: mediaResponse('text/html', 'The page') },
      },
    },
    async (req, reply) => {
      const p = await paymentsStore.get(deps.db, req.params.id);
      if (!p || !deps.sandbox || !(await deps.sandbox.actionCharge(p.id, req.query.token))) throw new PaymentNotFound();
      const action = `${base}${sandboxActionPath(p.id)}`;
      const token = escapeHtml(req.query.token);
      const form = (what: string, label: string) =>
        `<form method="post" action="${escapeHtml(`${action}/${what}`)}" style="display:inline"><input type="hidden" name="token" value="${token}"><button type="submit">${label}</button></form>`;
      return reply
        .headers(htmlHeaders)
        .send(
          page(
            'Confirm your payment',
            `<h1>Confirm your payment</h1><p>Sandbox: your bank asks you to confirm a payment of <strong>${escapeHtml(formatMinor(p.amount, p.currency))}</strong> ${escapeHtml(p.currency)}.</p>${form('complete', 'Complete')}${form('fail', 'Fail')}`,
          ),
        );
    },
  );

  // The buttons post an HTML form; this scope reads it (and only it).
  void app.register(async (scope) => {
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 4096 }, (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(String(body))));
    });
    for (const [what, outcome] of [['complete', 'succeeded'], ['fail', 'failed']] as const) {
      scope.post(
        `/payments/sandbox/authenticate/:id/${what}`,
        {
          schema: {
            ...operation(what === 'complete' ? 'completeSandboxAuthentication' : 'failSandboxAuthentication', 'public', { 404: 'not_found' }),
            tags,
            summary: `The sandbox customer step: ${what}`,
            description: 'Posted by the buttons of the sandbox page (a form with its token).',
            consumes: ['application/x-www-form-urlencoded'],
            params: ActionParams,
            body: ActionForm,
            response: { 200: mediaResponse('text/html', 'The outcome, as a page') },
          },
        },
        async (req, reply) => {
          // Validated by the schemas above (the scope's own instance is not typed by them).
          const { id } = req.params as Static<typeof ActionParams>;
          const { token } = req.body as Static<typeof ActionForm>;
          const p = await completeSandboxAction(deps, id, token, outcome);
          const done = p.state === 'succeeded' ? 'Your payment is complete.' : 'The payment was not completed.';
          return reply.headers(htmlHeaders).send(page('Payment', `<h1>${escapeHtml(done)}</h1><p>You can close this page and return to the shop.</p>`));
        },
      );
    }
  });

  app.get(
    '/payments/razorpay/checkout/:id',
    {
      schema: {
        ...operation('getRazorpayCheckoutPage', 'public', { 404: 'not_found' }),
        tags,
        summary: 'Razorpay Checkout for a payment waiting for the customer',
        params: ActionParams,
        response: { 200: mediaResponse('text/html', 'The page') },
      },
    },
    async (req, reply) => {
      const p = await paymentsStore.get(deps.db, req.params.id);
      const rzp = deps.providers.get('razorpay') as RazorpayProvider | undefined;
      if (!p || p.provider !== 'razorpay' || p.state !== 'requires_action' || !p.providerRef || !rzp) throw new PaymentNotFound();
      const options = JSON.stringify({ key: rzp.keyId, order_id: p.providerRef, amount: p.amount, currency: p.currency, name: 'mercato' }).replace(/</g, '\\u003c');
      return reply
        .headers(htmlHeaders)
        .send(
          page(
            'Pay with Razorpay',
            `<h1>Pay ${escapeHtml(formatMinor(p.amount, p.currency))} ${escapeHtml(p.currency)}</h1><button id="pay">Pay</button>
<script src="https://checkout.razorpay.com/v1/checkout.js"></script>
<script>const o=${options};o.handler=function(){document.body.innerHTML='<h1>Thank you</h1><p>Your payment is being confirmed.</p>'};document.getElementById('pay').onclick=function(){new Razorpay(o).open()};</script>`,
          ),
        );
    },
  );
}
