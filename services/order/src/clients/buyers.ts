import { errorFromResponse, InvalidData, Unauthorized, UpstreamError, type ServiceClient, type ServiceResponse } from '@mercato/chassis';
import type { Address } from '../orders/order.js';

/** What the checkout learns about a signed-in buyer from the user service, on their behalf. */
export interface Buyers {
  /** The email address of the buyer's profile. */
  email(authorization: string): Promise<string>;
  /** One of the buyer's saved addresses, or null when they have none with this id. */
  address(authorization: string, id: string): Promise<Address | null>;
}

/** An address as the user service answers it. */
export interface SavedAddress {
  id: string;
  name: string;
  line1: string;
  line2: string | null;
  city: string;
  region: string | null;
  postalCode: string | null;
  country: string;
  phone: string | null;
}

/**
 * The user service's own endpoints (`GET /users/me`, `GET /users/me/addresses/{id}`), called with
 * the buyer's bearer token: the user service checks, as for any caller, that the address is
 * theirs. Why this and not an email claim in the access token or a projection of identity events:
 * the profile is the one place the email and the address book live; a token claim would go stale
 * for the token's life and put personal data in every request's header; a projection of addresses
 * would need address events that nothing else wants. One call at checkout (never on a cart read)
 * is the price; when the user service does not answer, the chassis client's timeout and breaker
 * turn it into a 503/504 that the buyer can retry, and a buyer who sends `email` and a full
 * address needs no call at all.
 */
export function userServiceBuyers(client: () => ServiceClient): Buyers {
  /** Any answer but a 2xx or a 404: the token refused, or the user service failing. */
  const failure = (res: ServiceResponse<unknown> & { ok: false }): Error => {
    if (res.status === 401) return new Unauthorized('The access token was refused by the user service');
    if (res.status >= 500) return errorFromResponse('user', res.status, res.body);
    return new UpstreamError(502, 'bad_gateway', `user answered ${res.status} (${res.body.code})`);
  };
  return {
    async email(authorization) {
      const res = await client().get<{ email: string }>('/users/me', { headers: { authorization } });
      if (res.ok) return res.body.email;
      if (res.status === 404) {
        throw new InvalidData('No email is known for this account yet: send email with the checkout', [{ pointer: '/email', message: 'is required until the profile exists' }]);
      }
      throw failure(res);
    },
    async address(authorization, id) {
      const res = await client().get<SavedAddress>(`/users/me/addresses/${encodeURIComponent(id)}`, { headers: { authorization } });
      if (res.status === 404) return null;
      if (!res.ok) throw failure(res);
      const a = res.body;
      return {
        name: a.name,
        line1: a.line1,
        ...(a.line2 ? { line2: a.line2 } : {}),
        city: a.city,
        ...(a.region ? { region: a.region } : {}),
        ...(a.postalCode ? { postalCode: a.postalCode } : {}),
        country: a.country,
        ...(a.phone ? { phone: a.phone } : {}),
      };
    },
  };
}
