import { Conflict, InvalidData, NotFound } from '@mercato/chassis';
import { isCountryCode } from '@mercato/contracts';

/** A user keeps at most this many addresses. */
export const MAX_ADDRESSES = 20;

export class AddressNotFound extends NotFound {
  constructor() {
    // Also for another user's address: whether the id exists is nobody else's business.
    super('No such address');
  }
}

export class TooManyAddresses extends Conflict {
  constructor() {
    super(`A user can keep at most ${MAX_ADDRESSES} addresses; delete one first`, { limit: MAX_ADDRESSES }, 'address_limit_reached');
  }
}

/** The schema checks the shape (two capitals); this checks the code is assigned. */
export function assertCountry(country: string | undefined): void {
  if (country !== undefined && !isCountryCode(country)) {
    throw new InvalidData(`${country} is not an ISO 3166-1 alpha-2 country code`, [{ pointer: '/country', message: 'must be an assigned ISO 3166-1 alpha-2 code' }]);
  }
}
