import type { PaymentProvider, ProviderName } from './provider.js';

/** The providers this deployment offers; one not configured is simply absent. */
export class ProviderRegistry {
  private readonly byName = new Map<ProviderName, PaymentProvider>();

  constructor(providers: readonly PaymentProvider[]) {
    for (const p of providers) this.byName.set(p.name, p);
  }

  get(name: ProviderName): PaymentProvider | undefined {
    return this.byName.get(name);
  }

  get names(): ProviderName[] {
    return [...this.byName.keys()];
  }
}
