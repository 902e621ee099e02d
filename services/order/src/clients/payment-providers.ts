import { ServiceUnavailable, Unprocessable, type Logger, type ServiceClient } from '@mercato/chassis';

/** A checkout that names a provider the shop does not take (never confirmed, never charged). */
export class PaymentProviderUnavailable extends Unprocessable {
  constructor(provider: string, enabled: readonly string[]) {
    super(
      `This shop does not take payments with ${provider}${enabled.length > 0 ? `; it takes ${enabled.join(', ')}` : ''}`,
      'payment_provider_unavailable',
    );
  }
}

/** A sandbox payment method that is not one of its test cards (it could only ever fail). */
export class PaymentMethodUnknown extends Unprocessable {
  constructor(method: string) {
    super(`${method} is not a sandbox test payment method; see GET /payments/providers`, 'payment_method_invalid');
  }
}

interface ProvidersDoc {
  providers: { name: string; paymentMethods: { id: string }[] }[];
}

interface Known {
  names: string[];
  sandboxMethods: Set<string>;
  at: number;
}

export interface PaymentProvidersOptions {
  /** The payment service's client, made on first use (the embedded launcher knows its port only once it listens). */
  client: () => ServiceClient;
  logger?: Logger;
  /** How long a read is used before it is read again (default 30 s). */
  freshMs?: number;
  /** How long the last read still decides while the payment service cannot be read (default 1 h). */
  staleMs?: number;
  now?: () => number;
}

/**
 * The payment providers this shop takes, as the payment service says (`GET /payments/providers`),
 * so that checkout refuses a provider it does not take with 422 `payment_provider_unavailable`
 * before an order exists — rather than placing it, then cancelling it with an email that blames
 * the customer's card. Read at checkout and kept `freshMs`; while the payment service cannot be
 * read, the last read decides for up to `staleMs` (orders keep coming through a short outage,
 * their payments wait in the queue); with no read at all, checkout answers 503 and places nothing.
 */
export class PaymentProviders {
  private known: Known | undefined;
  private inflight: Promise<Known> | undefined;
  private readonly now: () => number;

  constructor(private readonly opts: PaymentProvidersOptions) {
    this.now = opts.now ?? Date.now;
  }

  /** Throws unless `provider` is enabled (and, for the sandbox, `method` one of its test cards). */
  async check(provider: string, method: string): Promise<void> {
    const known = await this.current();
    if (!known.names.includes(provider)) throw new PaymentProviderUnavailable(provider, known.names);
    if (provider === 'sandbox' && !known.sandboxMethods.has(method)) throw new PaymentMethodUnknown(method);
  }

  private async current(): Promise<Known> {
    const k = this.known;
    if (k && this.now() - k.at < (this.opts.freshMs ?? 30_000)) return k;
    try {
      this.inflight ??= this.read().finally(() => {
        this.inflight = undefined;
      });
      return (this.known = await this.inflight);
    } catch (err) {
      if (k && this.now() - k.at < (this.opts.staleMs ?? 3_600_000)) {
        this.opts.logger?.warn({ err }, 'the payment providers could not be read; the last read decides');
        return k;
      }
      this.opts.logger?.error({ err }, 'the payment providers could not be read; checkout waits for the payment service');
      throw new ServiceUnavailable('Payments cannot be taken right now; try again in a moment', 5, 'payment_unavailable');
    }
  }

  private async read(): Promise<Known> {
    const doc = await this.opts.client().json<ProvidersDoc>('GET', '/payments/providers');
    if (!Array.isArray(doc?.providers)) throw new Error('the payment providers answer has no providers');
    const sandbox = doc.providers.find((p) => p.name === 'sandbox');
    return {
      names: doc.providers.map((p) => p.name),
      sandboxMethods: new Set((sandbox?.paymentMethods ?? []).map((m) => m.id)),
      at: this.now(),
    };
  }
}
