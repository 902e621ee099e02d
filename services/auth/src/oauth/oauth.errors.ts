import { DomainError } from '@mercato/chassis';

/** One answer for an unknown, used, expired or other provider's state: nothing is changed. */
export class InvalidOAuthState extends DomainError {
  constructor() {
    super({ type: 'invalid_state', status: 400, title: 'Bad request', detail: 'The sign-in is unknown, expired or already used; start again' });
  }
}

/** The provider's answer did not prove who signed in (bad id_token, nonce, audience, …). */
export class OAuthRefused extends DomainError {
  constructor(detail: string) {
    super({ type: 'oauth_refused', status: 401, title: 'Unauthorized', detail });
  }
}

/** An account has this email but the provider does not assert that the email is verified. */
export class AccountExistsUnverifiedEmail extends DomainError {
  constructor() {
    super({
      type: 'account_exists_unverified_email',
      status: 409,
      title: 'Conflict',
      detail: 'An account with this email exists and the provider does not confirm the email; sign in with the password',
    });
  }
}

export class OAuthEmailRequired extends DomainError {
  constructor() {
    super({ type: 'email_required', status: 422, title: 'Unprocessable request', detail: 'The provider did not share an email address; allow it and sign in again' });
  }
}
