'use server';

import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { api, must } from '@/lib/api';
import { ensureCart } from '@/lib/cart';
import { echo, field, formAction, type FormState } from '@/lib/form';
import { t } from '@/lib/i18n';
import { orderCookie } from '@/lib/session-cookies';
import { chosenCountry } from '@/lib/shop';

export async function updateProfile(_prev: FormState, form: FormData): Promise<FormState> {
  const state = await formAction(async () => {
    const client = await api();
    const phone = field(form, 'phone');
    must(await client.PATCH('/api/v1/users/me', { body: { name: field(form, 'name') ?? '', phone: phone ?? null } }), 'your profile');
    revalidatePath('/account');
    return { ok: t('account.saved') };
  });
  return { ...state, values: echo(form) };
}

/** An address from a form's fields (`<prefix>name`, `<prefix>line1`, …); empty optional fields left out. */
export async function addressOf(form: FormData, prefix = ''): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const k of ['name', 'line1', 'line2', 'city', 'region', 'postalCode', 'country', 'phone']) {
    const v = field(form, `${prefix}${k}`);
    if (v !== undefined) out[k] = v;
  }
  return out;
}

export async function addAddress(_prev: FormState, form: FormData): Promise<FormState> {
  const state = await formAction(async () => {
    const client = await api();
    const body = (await addressOf(form)) as never;
    must(await client.POST('/api/v1/users/me/addresses', { body }), 'your address book');
    revalidatePath('/account');
    return { ok: t('account.saved') };
  });
  return state.ok ? state : { ...state, values: echo(form) };
}

export async function deleteAddress(form: FormData): Promise<void> {
  const id = field(form, 'id');
  if (id) {
    const client = await api();
    await client.DELETE('/api/v1/users/me/addresses/{id}', { params: { path: { id } } });
  }
  // The page the form is on renders again with the change (no redirect: a same-page one with
  // only a new fragment would not fetch it).
  revalidatePath('/account');
}

/** The access the page has to an order: the shopper's session, or a guest order's token cookie. */
async function orderToken(orderId: string): Promise<string | undefined> {
  return (await cookies()).get(orderCookie(orderId))?.value;
}

export async function cancelOrder(form: FormData): Promise<void> {
  const id = field(form, 'orderId') ?? '';
  const client = await api();
  const token = await orderToken(id);
  const r = await client.POST('/api/v1/orders/{id}/cancel', { params: { path: { id } }, ...(token ? { headers: { 'x-order-token': token } } : {}) });
  if (!r.response.ok) console.warn(JSON.stringify({ service: 'web', msg: 'cancel refused', status: r.response.status, problem: r.error }));
  // The account or order page the button is on renders again with the new status.
  revalidatePath('/', 'layout');
}

/** A declined or timed-out order's items back into a cart, to try again. */
export async function restoreCart(form: FormData): Promise<void> {
  const id = field(form, 'orderId') ?? '';
  const client = await api();
  const token = await orderToken(id);
  const r = await client.GET('/api/v1/orders/{id}', { params: { path: { id }, query: token ? { token } : {} } });
  const order = must(r, 'your order');
  const cart = await ensureCart(order.currency, (await chosenCountry()) ?? order.shippingAddress?.country);
  for (const line of order.items) {
    await client.POST('/api/v1/carts/{id}/items', { params: { path: { id: cart.id } }, body: { sku: line.sku, quantity: line.quantity } });
  }
  revalidatePath('/', 'layout');
  redirect('/cart');
}
