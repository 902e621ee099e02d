import { inRuns, type ConsumerManifest, type EventHandler } from '@mercato/chassis';
import { authorsStore } from '../authors/authors.store.js';
import { seedDemoReviews } from '../demo/seed-demo-reviews.js';
import { purchasesStore } from '../purchases/purchases.store.js';
import { reviewsStore } from '../reviews/reviews.store.js';

/** OrderDelivered: the buyer may now review each product of the order (verified purchase). */
export const onOrderDelivered: EventHandler<'OrderDelivered'> = async (event, { tx, logger }) => {
  const { orderId, userId, lines, deliveredAt } = event.data;
  if (userId === null) {
    logger.debug({ orderId }, 'a guest order: no account to review with');
    return;
  }
  await purchasesStore.record(tx, { userId, orderId, productIds: lines.map((l) => l.productId), deliveredAt });
};

const onName: EventHandler<'UserRegistered' | 'UserUpdated'> = async (event, { tx }) => {
  await authorsStore.upsert(tx, event.data.userId, event.data.name, event.occurredAt);
};

/**
 * UserDeleted (GDPR erasure): the author's reviews stay, anonymised; their name, purchases,
 * votes and reports go. The published set does not change, so neither does any summary.
 */
export const onUserDeleted: EventHandler<'UserDeleted'> = async (event, { tx }) => {
  const { userId } = event.data;
  await reviewsStore.anonymiseAuthor(tx, userId);
  await purchasesStore.erase(tx, userId);
  await authorsStore.erase(tx, userId);
};

export function consumers(opts: { demoData: boolean }): ConsumerManifest {
  const manifest: ConsumerManifest = {
    OrderDelivered: inRuns(onOrderDelivered),
    UserRegistered: onName as EventHandler<'UserRegistered'>,
    UserUpdated: onName as EventHandler<'UserUpdated'>,
    UserDeleted: onUserDeleted,
  };
  if (opts.demoData) {
    manifest.ProductCreated = async (event, { tx, outbox, logger }) => {
      const n = await seedDemoReviews(tx, outbox, event.data, new Date(event.occurredAt));
      if (n > 0) logger.debug({ productId: event.data.productId, reviews: n }, 'demo reviews seeded');
    };
  }
  return manifest;
}
