import { commitWith, currentContext, InvalidData, type Identity } from '@mercato/chassis';
import { buildEvent, newId } from '@mercato/contracts';
import { cartTokenHash } from '../carts/cart-id.js';
import { cartTotals } from '../carts/cart-totals.js';
import { priceLine } from '../carts/cart-view.js';
import { CartNotFound } from '../carts/cart.errors.js';
import { cartsStore } from '../carts/carts.store.js';
import type { OrderDeps } from '../deps.js';
import { idempotent } from '../idempotency/idempotent.js';
import type { StoredAnswer } from '../idempotency/idempotency.store.js';
import type { Address, OrderLine, OrderTotals, PaymentChoice } from './order.js';
import { AddressNotFound, CartCheckedOut, EmptyCart, LinesUnavailable, NoShippingToCountry, PricesChanged } from './order.errors.js';
import { orderPlaced } from './order-events.js';
import { newOrderToken, orderTokenHash } from './order-token.js';
import { ordersStore, type NewOrder } from './orders.store.js';
import type { OrderStatus } from './order-states.js';

export interface CheckoutRequest {
  cartId: string;
  /** One of these two: an address, or (signed in) the id of one of the buyer's saved addresses. */
  shippingAddress?: Address;
  shippingAddressId?: string;
  billingAddress?: Address;
  billingAddressId?: string;
  /** Required for a guest; a signed-in buyer's profile email when absent. */
  email?: string;
  payment: PaymentChoice;
}

/** Who buys: the caller's identity and, when signed in, their credentials to ask the user service on their behalf. */
export interface Buyer {
  identity: Identity | undefined;
  /** The `Authorization` header the buyer sent (their bearer token). */
  authorization: string | undefined;
}

interface Resolved {
  email: string;
  shippingAddress: Address;
  billingAddress: Address | null;
}

const credentialsOf = (buyer: Buyer) => (buyer.identity ? buyer.authorization : undefined);

/**
 * What the body must hold, whoever checks out: one shipping address (given, or a saved one's id),
 * at most one billing address; a guest gives their email and cannot name saved addresses.
 */
function checkBuyerFields(buyer: Buyer, r: CheckoutRequest): void {
  const errors: { pointer: string; message: string }[] = [];
  if (r.shippingAddress && r.shippingAddressId) errors.push({ pointer: '/shippingAddressId', message: 'must not be sent with shippingAddress' });
  if (!r.shippingAddress && !r.shippingAddressId) errors.push({ pointer: '/shippingAddress', message: 'is required (or shippingAddressId)' });
  if (r.billingAddress && r.billingAddressId) errors.push({ pointer: '/billingAddressId', message: 'must not be sent with billingAddress' });
  if (!credentialsOf(buyer)) {
    if (r.email === undefined) errors.push({ pointer: '/email', message: 'is required for a guest checkout' });
    for (const field of ['shippingAddressId', 'billingAddressId'] as const) {
      if (r[field] !== undefined) errors.push({ pointer: `/${field}`, message: 'needs a signed-in buyer (a saved address)' });
    }
  }
  if (errors.length > 0) throw new InvalidData(`Invalid fields: ${errors.map((e) => `body ${e.pointer}`).join(', ')}`, errors);
}

/**
 * The email and addresses of the order: as sent, or, for a signed-in buyer, from their profile and
 * address book in the user service (asked with their own token, so it checks they are theirs).
 * Done before the checkout's transaction: no call to another service while the cart is locked.
 */
async function resolveBuyer(deps: Pick<OrderDeps, 'buyers'>, buyer: Buyer, r: CheckoutRequest): Promise<Resolved> {
  const auth = credentialsOf(buyer);
  if (!auth) return { email: r.email!, shippingAddress: r.shippingAddress!, billingAddress: r.billingAddress ?? null };
  const saved = async (field: string, id: string | undefined): Promise<Address | undefined> => {
    if (id === undefined) return undefined;
    const address = await deps.buyers.address(auth, id);
    if (!address) throw new AddressNotFound(field);
    return address;
  };
  const [email, shipping, billing] = await Promise.all([
    r.email ?? deps.buyers.email(auth),
    saved('shippingAddressId', r.shippingAddressId),
    saved('billingAddressId', r.billingAddressId),
  ]);
  return { email, shippingAddress: r.shippingAddress ?? shipping!, billingAddress: r.billingAddress ?? billing ?? null };
}

/** The checkout's answer (202), stored under the Idempotency-Key and replayed to retries. */
export interface CheckoutAnswer extends Record<string, unknown> {
  orderId: string;
  status: OrderStatus;
  /** A guest order's access token (null for a signed-in buyer), answered only here. */
  accessToken: string | null;
  currency: string;
  totals: Omit<OrderTotals, 'taxRate' | 'pricesIncludeTax'>;
}

/**
 * Places an order from a cart, once per Idempotency-Key. In one transaction of two statements:
 * the cart (locked, read with its lines) is checked against the catalog projection now; then the
 * order is created `pending` with a snapshot of its lines, addresses and totals, OrderPlaced goes
 * to the outbox, the cart is closed (`checked_out`) and the answer is stored under the key.
 */
export function placeOrder(
  deps: OrderDeps,
  buyer: Buyer,
  idempotencyKey: string,
  request: CheckoutRequest,
  /** The new order's id, when the caller needs it before (to watch it settle). */
  orderId: string = newId('ord'),
): Promise<StoredAnswer> {
  const { identity } = buyer;
  checkBuyerFields(buyer, request);
  const scope = { scope: identity?.userId ?? 'guest', key: idempotencyKey };
  return idempotent(deps.db, scope, request, async (commit) => {
    // A provider the shop does not take is refused here, before any order exists (422).
    await deps.payments.check(request.payment.provider, request.payment.paymentMethod);
    const resolved = await resolveBuyer(deps, buyer, request);
    return deps.db.tx(async (tx) => {
      const cart = await cartsStore.forCheckout(tx, cartTokenHash(request.cartId));
      if (!cart || cart.status === 'merged') throw new CartNotFound();
      if (cart.ownerUserId !== null && cart.ownerUserId !== identity?.userId) throw new CartNotFound();
      if (cart.status === 'checked_out') throw new CartCheckedOut();

      const { items, skus } = cart;
      if (items.length === 0) throw new EmptyCart();
      const priced = items.map((i) => priceLine(i, skus.get(i.sku), cart.currency));
      const unavailable = priced.filter((l) => !l.available).map((l) => ({ sku: l.sku, reason: l.unavailableReason! }));
      if (unavailable.length > 0) throw new LinesUnavailable(unavailable);
      // The shopper must have seen the price they pay: a changed price is refused until the
      // line is confirmed (any change of the line, e.g. setting the same quantity).
      const changed = priced.filter((l) => l.priceChanged).map((l) => l.sku);
      if (changed.length > 0) throw new PricesChanged(changed);

      const country = resolved.shippingAddress.country;
      const t = cartTotals(priced, cart.currency, country, deps.config.totals);
      if (t.shipping === null || t.tax === null || t.taxRate === null) throw new NoShippingToCountry(country);
      const totals: OrderTotals = { subtotal: t.subtotal, shipping: t.shipping, tax: t.tax, total: t.total, taxRate: t.taxRate, pricesIncludeTax: t.pricesIncludeTax };
      const lines: OrderLine[] = priced.map((l) => ({
        sku: l.sku,
        productId: l.productId!,
        variantId: l.variantId!,
        title: l.title ?? l.sku,
        slug: l.slug,
        quantity: l.quantity,
        unitPrice: l.unitPrice!,
        lineTotal: l.lineTotal!,
      }));

      const accessToken = identity ? null : newOrderToken();
      const placed: NewOrder = {
        id: orderId,
        cartId: cart.id,
        userId: identity?.userId ?? null,
        email: resolved.email,
        currency: cart.currency,
        lines,
        shippingAddress: resolved.shippingAddress,
        billingAddress: resolved.billingAddress,
        totals,
        payment: { provider: request.payment.provider, paymentMethod: request.payment.paymentMethod },
        accessTokenHash: accessToken === null ? null : orderTokenHash(accessToken),
      };
      const body: CheckoutAnswer = {
        orderId,
        status: 'pending',
        accessToken,
        currency: placed.currency,
        totals: { subtotal: totals.subtotal, shipping: totals.shipping, tax: totals.tax, total: totals.total },
      };
      const answer = { status: 202, body };
      // Validated by the outbox.
      const event = buildEvent('OrderPlaced', orderPlaced(placed, accessToken), { source: 'order', subject: orderId, traceparent: currentContext()?.traceparent ?? null });
      // The order and its first history row (placed `pending`, as answered), the cart closed
      // (`checked_out`), OrderPlaced in the outbox and the answer stored under the key: one
      // statement, the transaction's last, with its COMMIT in the same round trip.
      commitWith(tx);
      await ordersStore.place(tx, placed, country, deps.outbox.insert(tx, [event]), commit.inStatement(answer));
      return answer;
    });
  });
}
