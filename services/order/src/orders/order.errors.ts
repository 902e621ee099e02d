import { Conflict, DomainError, NotFound, Unprocessable } from '@mercato/chassis';

/** One answer for an order that does not exist or that the caller may not read. */
export class OrderNotFound extends NotFound {
  constructor() {
    super('There is no such order');
  }
}

export class CartCheckedOut extends Conflict {
  constructor() {
    super('This cart has already been checked out', undefined, 'cart_checked_out');
  }
}

export class PricesChanged extends Conflict {
  constructor(skus: string[]) {
    super('Prices changed since the cart was last seen: read the cart again and confirm the lines', { skus }, 'prices_changed');
  }
}

class CheckoutRefused extends DomainError {
  constructor(type: string, detail: string, extensions?: Record<string, unknown>) {
    super({ type, status: 422, title: 'The cart cannot be checked out', detail, extensions });
  }
}

export class EmptyCart extends CheckoutRefused {
  constructor() {
    super('empty_cart', 'The cart has no lines');
  }
}

export class LinesUnavailable extends CheckoutRefused {
  constructor(lines: Array<{ sku: string; reason: string }>) {
    super('lines_unavailable', 'Some lines cannot be sold now: remove them first', { lines });
  }
}

export class NoShippingToCountry extends CheckoutRefused {
  constructor(country: string) {
    super('no_shipping_to_country', `This shop does not ship to ${country} in the cart's currency`, { country });
  }
}

/** A saved address the checkout names that the buyer does not have (someone else's, or none). */
export class AddressNotFound extends Unprocessable {
  constructor(field: string) {
    super(`${field} is not one of your saved addresses`, 'address_not_found');
  }
}

/** A move the order's state does not allow: 409 with the state it is in. */
export class IllegalTransition extends Conflict {
  constructor(action: string, status: string) {
    super(`An order that is ${status} cannot be ${action}`, { state: status, action }, 'illegal_transition');
  }
}

export class RefundExceedsPayment extends Conflict {
  constructor(requested: number, refundable: number, currency: string) {
    super(
      `A refund of ${requested} exceeds what is left to refund (${refundable} ${currency} in minor units)`,
      { requested: { amount: requested, currency }, refundable: { amount: refundable, currency } },
      'refund_exceeds_payment',
    );
  }
}

export class BadCursor extends DomainError {
  constructor() {
    super({ type: 'invalid_cursor', status: 400, title: 'Invalid cursor', detail: 'The cursor is not one this list gave out' });
  }
}
