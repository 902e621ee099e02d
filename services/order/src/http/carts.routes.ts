import { type HttpApp, operation, optionalIdentity, signedIn } from '@mercato/chassis';
import { addItem, removeItem, setItemQuantity, setShippingCountry } from '../carts/change-cart.js';
import { createCart } from '../carts/create-cart.js';
import { mergeCarts } from '../carts/merge-carts.js';
import { getCart } from '../carts/open-cart.js';
import type { OrderDeps } from '../deps.js';
import { presentCart } from './carts.presenter.js';
import { AddItemBody, CartItemParams, CartParams, CartSchema, CreateCartBody, SetQuantityBody, ShippingCountryBody } from './carts.schemas.js';

const tags = ['carts'];
/** Why a SKU cannot go into a cart now. */
const SKU_REFUSALS = ['unknown_sku', 'product_unavailable', 'no_price_in_currency'];

export function cartsRoutes(app: HttpApp, deps: OrderDeps): void {
  const anyone = optionalIdentity(deps);

  app.post(
    '/carts',
    {
      // The body is optional (the chassis reads a missing one as {}): an empty POST starts a cart with the defaults.
      ...anyone,
      schema: {
        ...operation('createCart', 'optional', { 409: 'currency_mismatch' }),
        tags,
        summary: 'Start a cart: a guest cart when anonymous, the caller\'s cart when signed in (their open cart, 200, when they have one)',
        body: CreateCartBody,
        response: { 200: CartSchema, 201: CartSchema },
      },
    },
    async (req, reply) => {
      const { view, created } = await createCart(deps, req.identity, req.body);
      return reply.code(created ? 201 : 200).send(presentCart(view));
    },
  );

  app.get(
    '/carts/:id',
    {
      ...anyone,
      schema: {
        ...operation('getCart', 'optional', { 404: 'not_found' }),
        tags,
        summary: 'A cart, priced from the catalog now, with its totals and the stock of each line',
        params: CartParams,
        response: { 200: CartSchema },
      },
    },
    async (req) => presentCart(await getCart(deps, req.params.id, req.identity)),
  );

  app.post(
    '/carts/:id/items',
    {
      ...anyone,
      schema: {
        ...operation('addCartItem', 'optional', { 404: 'not_found', 422: [...SKU_REFUSALS, 'quantity_limit', 'too_many_lines'] }),
        tags,
        summary: 'Add a quantity of a SKU (to its line when there is one)',
        params: CartParams,
        body: AddItemBody,
        response: { 200: CartSchema },
      },
    },
    async (req) => presentCart(await addItem(deps, req.params.id, req.identity, req.body.sku, req.body.quantity)),
  );

  app.patch(
    '/carts/:id/items/:sku',
    {
      ...anyone,
      schema: {
        ...operation('setCartItemQuantity', 'optional', { 404: 'not_found', 422: SKU_REFUSALS }),
        tags,
        summary: 'Set the quantity of a line',
        params: CartItemParams,
        body: SetQuantityBody,
        response: { 200: CartSchema },
      },
    },
    async (req) => presentCart(await setItemQuantity(deps, req.params.id, req.identity, req.params.sku, req.body.quantity)),
  );

  app.delete(
    '/carts/:id/items/:sku',
    { ...anyone, schema: { ...operation('removeCartItem', 'optional', { 404: 'not_found' }), tags, summary: 'Remove a line', params: CartItemParams, response: { 200: CartSchema } } },
    async (req) => presentCart(await removeItem(deps, req.params.id, req.identity, req.params.sku)),
  );

  app.put(
    '/carts/:id/shipping-country',
    {
      ...anyone,
      schema: {
        ...operation('setCartShippingCountry', 'optional', { 404: 'not_found' }),
        tags,
        summary: 'Set the country shipped to (shipping and tax follow it)',
        params: CartParams,
        body: ShippingCountryBody,
        response: { 200: CartSchema },
      },
    },
    async (req) => presentCart(await setShippingCountry(deps, req.params.id, req.identity, req.body.country)),
  );

  app.post(
    '/carts/:id/merge',
    {
      ...signedIn(deps),
      schema: {
        ...operation('mergeCart', 'signed-in', { 404: 'not_found', 409: 'currency_mismatch' }),
        tags,
        summary: "After sign-in: merge this guest cart into the caller's cart (or make it theirs); answers the caller's cart",
        params: CartParams,
        response: { 200: CartSchema },
      },
    },
    async (req) => presentCart(await mergeCarts(deps, req.params.id, req.identity!)),
  );
}
