import { Conflict, NotFound } from '@mercato/chassis';

/** No such payment, or not one the caller may see (a foreign payment answers the same). */
export class PaymentNotFound extends NotFound {
  constructor() {
    super('No such payment');
  }
}

export class PaymentNotRefundable extends Conflict {
  constructor(state: string) {
    super(`A payment in state ${state} cannot be refunded`, { state }, 'payment_not_refundable');
  }
}
