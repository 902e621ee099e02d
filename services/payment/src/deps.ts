import type { Authenticator, Db, Logger, Outbox } from '@mercato/chassis';
import type { PaymentConfig } from './config.js';
import type { ProviderRegistry } from './providers/registry.js';
import type { SandboxProvider } from './providers/sandbox.provider.js';

/** What the use cases of this service need; wired by `service.ts`. */
export interface PaymentDeps {
  db: Db;
  outbox: Outbox;
  logger: Logger;
  /** Verifies access tokens against the auth service's published keys. */
  authenticator: Authenticator;
  config: PaymentConfig;
  providers: ProviderRegistry;
  /** The built-in provider (its customer-step page talks to it directly); null when turned off. */
  sandbox: SandboxProvider | null;
}
