'use server';

import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { api, must, problemOf } from '@/lib/api';
import { ensureCart, currentCart, rememberCart } from '@/lib/cart';
import { field, formAction, type FormState } from '@/lib/form';
import { t } from '@/lib/i18n';
import { cookieOptions, overHttps } from '@/lib/session';
import { COUNTRY_COOKIE, CURRENCY_COOKIE } from '@/lib/session-cookies';
import { chosenCountry, chosenCurrency, COUNTRIES } from '@/lib/shop';

const YEAR_S = 365 * 24 * 3600;

/** Safe places to return to after a small form: a path of this site only. */
function back(form: FormData, fallback = '/'): string {
  const to = field(form, 'returnTo');
  return to && to.startsWith('/') && !to.startsWith('//') ? to : fallback;
}

export async function addToCart(_prev: FormState, form: FormData): Promise<FormState> {
  return formAction(
    async () => {
      const sku = field(form, 'sku');
      const quantity = Number(field(form, 'quantity') ?? '1');
      if (!sku) return { error: t('product.unavailableCombo') };
      const cart = await ensureCart(await chosenCurrency(), await chosenCountry());
      const client = await api();
      must(await client.POST('/api/v1/carts/{id}/items', { params: { path: { id: cart.id } }, body: { sku, quantity } }), 'the cart');
      revalidatePath('/', 'layout');
      return { ok: t('product.added') };
    },
    { quantity_exceeds_limit: t('form.fix') },
  );
}

export async function updateLine(form: FormData): Promise<void> {
  const sku = field(form, 'sku');
  const quantity = Number(field(form, 'quantity'));
  const cart = await currentCart();
  if (cart && sku && Number.isInteger(quantity)) {
    const client = await api();
    if (quantity <= 0) await client.DELETE('/api/v1/carts/{id}/items/{sku}', { params: { path: { id: cart.id, sku } } });
    else await client.PATCH('/api/v1/carts/{id}/items/{sku}', { params: { path: { id: cart.id, sku } }, body: { quantity: Math.min(quantity, 99) } });
  }
  revalidatePath('/cart');
  redirect('/cart');
}

export async function removeLine(form: FormData): Promise<void> {
  const sku = field(form, 'sku');
  const cart = await currentCart();
  if (cart && sku) {
    const client = await api();
    await client.DELETE('/api/v1/carts/{id}/items/{sku}', { params: { path: { id: cart.id, sku } } });
  }
  revalidatePath('/cart');
  redirect('/cart');
}

export async function setCountry(form: FormData): Promise<void> {
  const country = field(form, 'country');
  if (country && (COUNTRIES as readonly string[]).includes(country)) {
    (await cookies()).set(COUNTRY_COOKIE, country, cookieOptions(await overHttps(), YEAR_S));
    const cart = await currentCart();
    if (cart) {
      const client = await api();
      await client.PUT('/api/v1/carts/{id}/shipping-country', { params: { path: { id: cart.id } }, body: { country } });
    }
  }
  redirect(back(form, '/cart'));
}

/**
 * Switches the currency. A cart keeps one currency, so a cart with lines is moved to a new cart
 * in the new currency with the same lines (those not sold in it show as unavailable there).
 */
export async function setCurrency(form: FormData): Promise<void> {
  const currency = field(form, 'currency');
  if (currency && /^[A-Z]{3}$/.test(currency)) {
    (await cookies()).set(CURRENCY_COOKIE, currency, cookieOptions(await overHttps(), YEAR_S));
    const cart = await currentCart();
    if (cart && cart.currency !== currency && cart.items.length > 0) {
      const client = await api();
      const made = await client.POST('/api/v1/carts', { body: { currency, ...(cart.shippingCountry ? { shippingCountry: cart.shippingCountry } : {}) } });
      if (made.data && made.data.currency === currency) {
        for (const line of cart.items) {
          await client.POST('/api/v1/carts/{id}/items', { params: { path: { id: made.data.id } }, body: { sku: line.sku, quantity: line.quantity } });
        }
        await rememberCart(made.data.id);
      } else if (made.error) console.warn('currency switch kept the cart', problemOf(made));
    }
  }
  revalidatePath('/', 'layout');
  redirect(back(form));
}
