import { fileURLToPath } from 'node:url';
import { createAuthenticator, loadAccessTokenSettings, type ServiceModule } from '@mercato/chassis';
import { loadPaymentConfig } from './config.js';
import { consumers } from './consumers/index.js';
import type { PaymentDeps } from './deps.js';
import { registerRoutes } from './http/routes.js';
import { reconcileJob } from './jobs/reconcile-payments.job.js';
import { WorkListener } from './jobs/work-listener.js';
import type { PaymentProvider } from './providers/provider.js';
import { RazorpayProvider } from './providers/razorpay.provider.js';
import { ProviderRegistry } from './providers/registry.js';
import { SandboxProvider } from './providers/sandbox.provider.js';

/**
 * The payment service: payments, refunds, providers (Stripe, Razorpay, sandbox), webhooks.
 * See README.md for its endpoints, events, configuration and the exactly-once design.
 */
export const paymentService: ServiceModule = {
  name: 'payment',
  title: 'mercato payment service',
  migrations: fileURLToPath(new URL('../migrations', import.meta.url)),
  async create({ db, outbox, logger, env, settings }) {
    // The embedded mode (one process, the in-process bus) is where the demo shop runs.
    const config = loadPaymentConfig(env, { embedded: settings.busUrl.startsWith('memory://') });
    if (config.sandbox.forcedWithLiveKey) {
      logger.warn('PAYMENT_SANDBOX=force beside a live key: buyers who choose the sandbox get orders confirmed without paying');
    }
    const sandbox = config.sandbox.enabled ? new SandboxProvider({ db, publicUrl: config.publicUrl, delayMs: config.sandbox.delayMs }) : null;
    const providers: PaymentProvider[] = [
      ...(sandbox ? [sandbox] : []),
      // The Stripe SDK is loaded only for a shop that uses it (it is a large package).
      ...(config.stripe ? [new (await import('./providers/stripe.provider.js')).StripeProvider(config.stripe)] : []),
      ...(config.razorpay ? [new RazorpayProvider(config.razorpay, config.publicUrl)] : []),
    ];
    const authenticator = createAuthenticator({ settings: loadAccessTokenSettings(env), logger });
    const deps: PaymentDeps = { db, outbox, logger, authenticator, config, providers: new ProviderRegistry(providers), sandbox };
    logger.info({ providers: deps.providers.names }, 'payment providers configured');

    const work = new WorkListener(deps);
    await work.start();
    return {
      routes: (app) => registerRoutes(app, deps),
      consumers: consumers(deps),
      jobs: [reconcileJob(deps)],
      onClose: () => work.close(),
    };
  },
};

export { reconcilePayments } from './jobs/reconcile-payments.job.js';
