import { Conflict, DomainError } from '@mercato/chassis';

export class IdempotencyKeyReused extends DomainError {
  constructor() {
    super({
      type: 'idempotency_key_reused',
      status: 422,
      title: 'Unprocessable request',
      detail: 'This Idempotency-Key was used with another request body: use a new key for a new request',
    });
  }
}

export class RequestInFlight extends Conflict {
  constructor() {
    super('A request with this Idempotency-Key is still being processed: retry shortly', undefined, 'request_in_flight');
  }
}

/** A refusal stored under a key, answered again to a retry with the same key and body. */
export class ReplayedRefusal extends DomainError {}
