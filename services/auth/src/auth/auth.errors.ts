import { DomainError } from '@mercato/chassis';

export class EmailTaken extends DomainError {
  constructor() {
    super({ type: 'email_taken', status: 409, title: 'Conflict', detail: 'An account with this email already exists' });
  }
}

/** Never says whether the email or the password was wrong. */
export class InvalidCredentials extends DomainError {
  constructor() {
    super({ type: 'invalid_credentials', status: 401, title: 'Unauthorized', detail: 'The email or password is wrong' });
  }
}

/** The current password given to change it is not the account's. */
export class WrongPassword extends DomainError {
  constructor(detail = 'The current password is not right') {
    super({ type: 'wrong_password', status: 403, title: 'Forbidden', detail });
  }
}

export class InvalidRefreshToken extends DomainError {
  constructor() {
    super({ type: 'invalid_token', status: 401, title: 'Unauthorized', detail: 'The refresh token is not valid; sign in again' });
  }
}
