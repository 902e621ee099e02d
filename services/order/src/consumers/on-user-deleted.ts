import type { EventHandler } from '@mercato/chassis';
import { anonymiseCustomer } from '../orders/anonymise-orders.js';

/** UserDeleted: the customer's orders are kept anonymised, their carts deleted (GDPR erasure). */
export const onUserDeleted: EventHandler<'UserDeleted'> = async (event, { tx, logger }) => {
  const n = await anonymiseCustomer(tx, event.data.userId);
  logger.info({ userId: event.data.userId, orders: n }, 'customer erased: orders anonymised');
};
