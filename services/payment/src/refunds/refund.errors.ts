import { Conflict, InvalidData } from '@mercato/chassis';

/** A refund would take back more than was captured: the numbers say by how much. */
export class RefundExceedsCapture extends Conflict {
  constructor(n: { captured: number; refunded: number; pending: number; refundable: number; requested: number; currency: string }) {
    super(
      `A refund of ${n.requested} would exceed the capture: ${n.captured} captured, ${n.refunded} refunded, ${n.pending} being refunded, ${n.refundable} refundable (${n.currency} minor units)`,
      { ...n },
      'refund_exceeds_capture',
    );
  }
}

export class RefundCurrencyMismatch extends InvalidData {
  constructor(expected: string, got: string) {
    super(`The refund is in ${got}; the payment was in ${expected}`);
  }
}
