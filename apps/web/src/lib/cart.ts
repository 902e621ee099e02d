import { cookies } from 'next/headers';
import { api, must } from './api';
import { cookieOptions, overHttps } from './session';
import { CART_COOKIE } from './session-cookies';
import type { Cart } from './types';

const CART_MAX_AGE_S = 30 * 24 * 3600;

/** The shopper's cart, or undefined when they have none (or it expired, or was checked out). */
export async function currentCart(): Promise<Cart | undefined> {
  const id = (await cookies()).get(CART_COOKIE)?.value;
  if (!id) return undefined;
  const client = await api();
  const r = await client.GET('/api/v1/carts/{id}', { params: { path: { id } } });
  if (r.response.status === 404 || r.response.status === 400 || r.response.status === 409 || r.response.status === 401) return undefined;
  return must(r, 'the cart');
}

export async function rememberCart(id: string): Promise<void> {
  (await cookies()).set(CART_COOKIE, id, cookieOptions(await overHttps(), CART_MAX_AGE_S));
}

export async function forgetCart(): Promise<void> {
  (await cookies()).delete(CART_COOKIE);
}

/** The shopper's cart, made when they have none: in the chosen currency, for the chosen country. */
export async function ensureCart(currency: string, country: string | undefined): Promise<Cart> {
  const existing = await currentCart();
  if (existing && existing.currency === currency) return existing;
  const client = await api();
  const made = must(await client.POST('/api/v1/carts', { body: { currency, ...(country ? { shippingCountry: country } : {}) } }), 'the cart');
  await rememberCart(made.id);
  return made as Cart;
}
