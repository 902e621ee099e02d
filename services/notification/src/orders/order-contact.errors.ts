/**
 * Thrown so that the chassis retries the event later (with backoff, then dead-letters it for an
 * operator): an event about an order arrived before the order's OrderPlaced was recorded here,
 * so there is no address (or, for a guest, no link) to write with yet.
 */
export class OrderContactUnknown extends Error {
  constructor(orderId: string, eventType: string) {
    super(`no contact recorded yet for order ${orderId}; ${eventType} waits for its OrderPlaced`);
    this.name = 'OrderContactUnknown';
  }
}
