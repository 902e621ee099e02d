import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ServiceUnavailable, UpstreamError, type ServiceClient } from '@mercato/chassis';
import { PaymentMethodUnknown, PaymentProviderUnavailable, PaymentProviders } from './payment-providers.js';

function payment(providers: { name: string; paymentMethods: { id: string }[] }[]) {
  const state = { providers, down: false, reads: 0 };
  const service = {
    json: async () => {
      state.reads++;
      if (state.down) throw new UpstreamError(503, 'upstream_unavailable', 'payment is unreachable');
      return { providers: state.providers };
    },
  } as unknown as ServiceClient;
  return { state, client: () => service };
}

const sandbox = { name: 'sandbox', paymentMethods: [{ id: 'pm_card_visa' }] };

describe('the providers checkout accepts', () => {
  it('refuses a provider the shop does not take, and a sandbox method that is not a test card', async () => {
    const { client } = payment([sandbox]);
    const p = new PaymentProviders({ client });
    await p.check('sandbox', 'pm_card_visa');
    await assert.rejects(p.check('stripe', 'pm_123'), (err: unknown) => err instanceof PaymentProviderUnavailable && err.status === 422 && err.type === 'payment_provider_unavailable' && /takes sandbox/.test(err.message));
    await assert.rejects(p.check('sandbox', 'pm_card_bogus'), (err: unknown) => err instanceof PaymentMethodUnknown && err.status === 422);
  });

  it('reads once per freshness window, keeps deciding on the last read through an outage, and answers 503 with nothing read', async () => {
    let now = 0;
    const { state, client } = payment([{ name: 'stripe', paymentMethods: [] }]);
    const p = new PaymentProviders({ client, now: () => now, freshMs: 1_000, staleMs: 10_000 });
    await p.check('stripe', 'pm_1');
    await p.check('stripe', 'pm_2');
    assert.equal(state.reads, 1);
    state.down = true;
    now = 5_000;
    await p.check('stripe', 'pm_3');
    await assert.rejects(p.check('sandbox', 'pm_card_visa'), PaymentProviderUnavailable, 'the last read still decides');
    now = 20_000;
    await assert.rejects(p.check('stripe', 'pm_4'), (err: unknown) => err instanceof ServiceUnavailable && err.status === 503 && err.type === 'payment_unavailable' && err.retryAfterSeconds > 0);
    const cold = new PaymentProviders({ client });
    await assert.rejects(cold.check('stripe', 'pm_5'), ServiceUnavailable);
    state.down = false;
    state.providers = [sandbox];
    await p.check('sandbox', 'pm_card_visa');
  });
});
