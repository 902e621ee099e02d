import { Conflict, DomainError, NotFound } from '@mercato/chassis';

/** One answer for a cart that does not exist, has expired, is closed or belongs to someone else. */
export class CartNotFound extends NotFound {
  constructor() {
    super('There is no such cart');
  }
}

export class CartItemNotFound extends NotFound {
  constructor(sku: string) {
    super(`The cart has no line for SKU ${sku}`);
  }
}

class CartRefused extends DomainError {
  constructor(type: string, detail: string, extensions?: Record<string, unknown>) {
    super({ type, status: 422, title: 'The cart cannot take this', detail, extensions });
  }
}

export class UnknownSku extends CartRefused {
  constructor(sku: string) {
    super('unknown_sku', `There is no product with SKU ${sku}`, { sku });
  }
}

export class ProductUnavailable extends CartRefused {
  constructor(sku: string) {
    super('product_unavailable', `The product of SKU ${sku} is not for sale`, { sku });
  }
}

export class NoPriceInCurrency extends CartRefused {
  constructor(sku: string, currency: string) {
    super('no_price_in_currency', `SKU ${sku} has no price in ${currency}`, { sku, currency });
  }
}

export class QuantityLimit extends CartRefused {
  constructor(sku: string, max: number) {
    super('quantity_limit', `A line holds at most ${max} of one SKU (${sku})`, { sku, max });
  }
}

export class TooManyLines extends CartRefused {
  constructor(max: number) {
    super('too_many_lines', `A cart holds at most ${max} lines`, { max });
  }
}

export class CurrencyMismatch extends Conflict {
  constructor(detail: string) {
    super(detail, undefined, 'currency_mismatch');
  }
}
