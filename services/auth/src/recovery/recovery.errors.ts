import { DomainError } from '@mercato/chassis';

/** One answer for an unknown, used, expired or mistyped token: nothing to learn from it. */
export class InvalidOneTimeToken extends DomainError {
  constructor() {
    super({ type: 'invalid_token', status: 400, title: 'Bad request', detail: 'The link is not valid or has expired; ask for a new one' });
  }
}
