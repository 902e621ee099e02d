import { DomainError, NotFound } from '@mercato/chassis';

/** A webhook whose signature is missing, wrong or stale: refused, nothing changed. */
export class InvalidSignature extends DomainError {
  constructor(detail: string) {
    super({ type: 'invalid_signature', status: 400, title: 'Invalid webhook signature', detail });
  }
}

export class WebhooksNotConfigured extends NotFound {
  constructor(provider: string) {
    super(`${provider} webhooks are not configured here`);
  }
}
