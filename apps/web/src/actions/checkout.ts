'use server';

import { randomUUID } from 'node:crypto';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { api, problemOf } from '@/lib/api';
import { currentCart, forgetCart } from '@/lib/cart';
import { echo, field, formAction, stateOfProblem, type FormState } from '@/lib/form';
import { t } from '@/lib/i18n';
import { cookieOptions, currentUser, overHttps } from '@/lib/session';
import { CHECKOUT_KEY_COOKIE, orderCookie } from '@/lib/session-cookies';
import type { CheckoutBody } from '@/lib/types';
import { addressOf } from './account';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The Idempotency-Key of this cart's checkout. The page is rendered with one (a hidden field),
 * so two clicks, or a retry after a network error, send the same key; it is also kept in an
 * HttpOnly cookie until the order exists, so a reload of the page keeps it too. One key, one order.
 */
async function checkoutKey(cartId: string, fromForm: string | undefined): Promise<string> {
  const jar = await cookies();
  const kept = jar.get(CHECKOUT_KEY_COOKIE)?.value;
  if (kept && kept.startsWith(`${cartId}.`)) return kept.slice(cartId.length + 1);
  const key = fromForm && UUID.test(fromForm) ? fromForm : randomUUID();
  jar.set(CHECKOUT_KEY_COOKIE, `${cartId}.${key}`, cookieOptions(await overHttps(), 3600));
  return key;
}

export async function placeOrder(_prev: FormState, form: FormData): Promise<FormState> {
  let placed: { orderId: string; accessToken?: string } | undefined;
  const state = await formAction(
    async () => {
      const cart = await currentCart();
      if (!cart || cart.items.length === 0) return { error: t('checkout.empty') };
      const user = await currentUser();
      const client = await api();
      const savedId = field(form, 'shippingAddressId');
      const [provider, paymentMethod] = (field(form, 'payment') ?? 'sandbox:pm_card_visa').split(':') as [string, string];
      // A signed-in buyer sends a saved address by its id and no email (the order service reads
      // both from their profile); a guest sends both.
      const body = {
        cartId: cart.id,
        ...(user && savedId && savedId !== 'new' ? { shippingAddressId: savedId } : { shippingAddress: await addressOf(form, 'shippingAddress.') }),
        ...(user ? {} : { email: field(form, 'email') ?? '' }),
        payment: { provider, paymentMethod },
      } as CheckoutBody;
      const key = await checkoutKey(cart.id, field(form, 'idempotencyKey'));
      // The same key until there is an answer: a click that arrives while the first is still
      // being placed waits for it (409 in flight) and then gets the same order.
      for (let attempt = 0; ; attempt++) {
        const r = await client.POST('/api/v1/checkout', { body, headers: { 'idempotency-key': key } });
        if (r.data) {
          placed = { orderId: r.data.orderId, accessToken: r.data.accessToken ?? undefined };
          return {};
        }
        const p = problemOf(r);
        if ((p.code === 'request_in_flight' || r.response.status >= 500) && attempt < 20) {
          await sleep(300);
          continue;
        }
        return stateOfProblem(p, { cart_checked_out: t('checkout.empty'), cart_not_found: t('checkout.empty') });
      }
    },
  );
  if (placed) {
    const jar = await cookies();
    jar.delete(CHECKOUT_KEY_COOKIE);
    if (placed.accessToken) jar.set(orderCookie(placed.orderId), placed.accessToken, cookieOptions(await overHttps(), 90 * 24 * 3600, `/orders/${placed.orderId}`));
    await forgetCart();
    redirect(`/orders/${encodeURIComponent(placed.orderId)}`);
  }
  return { ...state, values: echo(form) };
}
