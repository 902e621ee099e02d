import { NotFound } from '@mercato/chassis';

/** No profile (yet) for this user: UserRegistered not handled, or an unknown id. */
export class ProfileNotFound extends NotFound {
  constructor() {
    super('No profile exists for this user');
  }
}
