import { operation, type HttpApp } from '@mercato/chassis';
import type { PaymentDeps } from '../deps.js';
import type { ProviderName } from '../providers/provider.js';
import { handleWebhook } from '../webhooks/handle-webhook.js';
import { WebhookAckSchema } from './payments.schemas.js';

const tags = ['webhooks'];

/**
 * Provider webhooks. They come without access tokens: the provider's signature over the raw
 * body is the authentication, so this scope keeps the body as the exact bytes received (any
 * content type) and leaves JSON parsing to after the check.
 */
export function webhooksRoutes(app: HttpApp, deps: PaymentDeps): void {
  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
    for (const provider of ['stripe', 'razorpay'] as const satisfies readonly ProviderName[]) {
      scope.post(
        `/payments/webhooks/${provider}`,
        {
          schema: {
            // No bearer token: the provider's signature over the body is the authentication.
            ...operation(provider === 'stripe' ? 'receiveStripeWebhook' : 'receiveRazorpayWebhook', 'public', {
              400: 'invalid_signature',
              404: 'not_found',
              413: 'payload_too_large',
            }),
            tags,
            summary: `${provider} webhook (signed; each event id handled once)`,
            description:
              provider === 'stripe'
                ? 'Stripe-Signature `t=…,v1=…`: HMAC-SHA256 over `${t}.${body}`, 300 s tolerance. payment_intent.succeeded / payment_failed / processing / requires_action / canceled.'
                : 'X-Razorpay-Signature: hex HMAC-SHA256 of the body; X-Razorpay-Event-Id. payment.authorized (captured here) / payment.captured / order.paid / payment.failed.',
            response: { 200: WebhookAckSchema },
          },
        },
        async (req) => {
          const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
          const r = await handleWebhook(deps, provider, body, req.headers);
          return { received: true, duplicate: r.duplicate, paymentId: r.paymentId, state: r.state };
        },
      );
    }
  });
}
