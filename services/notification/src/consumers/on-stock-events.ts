import type { EventHandler } from '@mercato/chassis';
import { contactsStore } from '../contacts/contacts.store.js';
import { notify, type NotifyContext } from '../messages/notify.js';
import { stockProductsStore } from '../stock/stock-products.store.js';
import { stockSubscriptionsStore } from '../stock/stock-subscriptions.store.js';

/**
 * A SKU is back: every customer waiting for it is told, once — their wish is marked answered in
 * this transaction, so a redelivery or a later crossing tells nobody twice.
 */
export function onStockReplenished(ctx: NotifyContext): EventHandler<'StockReplenished'> {
  return async (event, { tx }) => {
    const { sku } = event.data;
    const waiting = await stockSubscriptionsStore.claimWaiting(tx, sku);
    if (waiting.length === 0) return;
    // The product's page when the catalog has told us which published product the SKU is
    // (stock_products); the storefront's search for the SKU otherwise.
    const product = await stockProductsStore.get(tx, sku);
    const link = product ? `${ctx.publicUrl}/p/${product.slug}` : `${ctx.publicUrl}/search?q=${encodeURIComponent(sku)}`;
    const title = product?.title ?? sku;
    for (const sub of waiting) {
      const contact = await contactsStore.get(tx, sub.userId);
      await notify(tx, ctx, { eventId: event.id, key: `${event.id}:${sub.id}`, kind: 'back_in_stock', userId: sub.userId, contact, view: { sku, title, name: contact?.name ?? '', link } });
    }
  };
}

/** Low stock: one email to each administrator and catalog manager, per downward crossing (one event). */
export function onLowStock(ctx: NotifyContext): EventHandler<'LowStock'> {
  return async (event, { tx }) => {
    const { sku, available, threshold } = event.data;
    const link = `${ctx.publicUrl}/admin/inventory/${encodeURIComponent(sku)}`;
    for (const staff of await contactsStore.stockStaff(tx)) {
      await notify(tx, ctx, { eventId: event.id, kind: 'low_stock', userId: staff.userId, contact: staff, view: { sku, available, threshold, link } });
    }
  };
}
