import type { FastifyRequest, HttpApp } from '@mercato/chassis';
import { addItem, removeItem, setItemQuantity, setShippingCountry } from '../carts/change-cart.js';
import { createCart } from '../carts/create-cart.js';
import { mergeCarts } from '../carts/merge-carts.js';
import { getCart } from '../carts/open-cart.js';
import type { OrderDeps } from '../deps.js';
import { optionalUser, signedIn } from './authorize.js';
import { presentCart } from './carts.presenter.js';
import { AddItemBody, CartItemParams, CartParams, CartSchema, CreateCartBody, SetQuantityBody, ShippingCountryBody } from './carts.schemas.js';

const tags = ['carts'];

export function cartsRoutes(app: HttpApp, deps: OrderDeps): void {
  const anyone = optionalUser(deps);

  app.post(
    '/carts',
    {
      // The body is optional: an empty POST starts a cart with the defaults.
      preValidation: async (req: FastifyRequest) => {
        await anyone.preValidation(req);
        req.body ??= {};
      },
      schema: {
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
    { ...anyone, schema: { tags, summary: 'A cart, priced from the catalog now, with its totals', params: CartParams, response: { 200: CartSchema } } },
    async (req) => presentCart(await getCart(deps, req.params.id, req.identity)),
  );

  app.post(
    '/carts/:id/items',
    { ...anyone, schema: { tags, summary: 'Add a quantity of a SKU (to its line when there is one)', params: CartParams, body: AddItemBody, response: { 200: CartSchema } } },
    async (req) => presentCart(await addItem(deps, req.params.id, req.identity, req.body.sku, req.body.quantity)),
  );

  app.patch(
    '/carts/:id/items/:sku',
    { ...anyone, schema: { tags, summary: 'Set the quantity of a line', params: CartItemParams, body: SetQuantityBody, response: { 200: CartSchema } } },
    async (req) => presentCart(await setItemQuantity(deps, req.params.id, req.identity, req.params.sku, req.body.quantity)),
  );

  app.delete(
    '/carts/:id/items/:sku',
    { ...anyone, schema: { tags, summary: 'Remove a line', params: CartItemParams, response: { 200: CartSchema } } },
    async (req) => presentCart(await removeItem(deps, req.params.id, req.identity, req.params.sku)),
  );

  app.put(
    '/carts/:id/shipping-country',
    { ...anyone, schema: { tags, summary: 'Set the country shipped to (shipping and tax follow it)', params: CartParams, body: ShippingCountryBody, response: { 200: CartSchema } } },
    async (req) => presentCart(await setShippingCountry(deps, req.params.id, req.identity, req.body.country)),
  );

  app.post(
    '/carts/:id/merge',
    {
      ...signedIn(deps),
      schema: { tags, summary: 'After login: merge this guest cart into the caller\'s cart (or make it theirs); answers the caller\'s cart', params: CartParams, response: { 200: CartSchema } },
    },
    async (req) => presentCart(await mergeCarts(deps, req.params.id, req.identity!)),
  );
}
