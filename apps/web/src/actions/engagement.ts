'use server';

import { redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { forgetCart } from '@/lib/cart';
import { api, must } from '@/lib/api';
import { echo, field, formAction, type FormState } from '@/lib/form';
import { t } from '@/lib/i18n';
import { CATEGORIES, CHANNELS } from '@/lib/notification-choices';
import { clearTokens, currentUser } from '@/lib/session';

// What a signed-in shopper does beyond buying: back-in-stock wishes, reviews, the say over the
// shop's messages, and erasing their account. The API decides what is allowed; refusals come
// back as words next to the form.


/** "Tell me when it's back": a back-in-stock wish for the chosen SKU (signed-in shoppers only). */
export async function notifyWhenBack(_prev: FormState, form: FormData): Promise<FormState> {
  if (!(await currentUser())) return { error: t('product.notifySignIn') };
  const sku = field(form, 'sku');
  if (!sku) return { error: t('product.unavailableCombo') };
  return formAction(async () => {
    const client = await api();
    must(await client.POST('/api/v1/notifications/stock-subscriptions', { body: { sku } }), 'back-in-stock alerts');
    return { ok: t('product.notifyOk') };
  });
}

/** A review of a product the shopper received; the API refuses others (purchase_required, already_reviewed). */
export async function writeReview(_prev: FormState, form: FormData): Promise<FormState> {
  if (!(await currentUser())) return { error: t('review.signIn'), values: echo(form) };
  const productId = field(form, 'productId') ?? '';
  const rating = Number(field(form, 'rating'));
  const state = await formAction(
    async () => {
      const client = await api();
      const body = {
        productId,
        rating: Number.isInteger(rating) ? rating : 0,
        title: field(form, 'title') ?? '',
        body: field(form, 'body') ?? '',
        ...(field(form, 'pros') ? { pros: field(form, 'pros') } : {}),
        ...(field(form, 'cons') ? { cons: field(form, 'cons') } : {}),
      };
      const review = must(await client.POST('/api/v1/reviews', { body }), 'reviews');
      const slug = field(form, 'slug');
      if (slug && /^[a-z0-9-]{1,200}$/.test(slug)) revalidatePath(`/p/${slug}`);
      return { ok: review.status === 'published' ? t('review.published') : t('review.pending') };
    },
    { purchase_required: t('review.purchaseRequired'), already_reviewed: t('review.alreadyReviewed') },
  );
  return state.ok ? state : { ...state, values: echo(form) };
}

/** The shopper's choices per channel and category: every box of the form, checked or not. */
export async function savePreferences(_prev: FormState, form: FormData): Promise<FormState> {
  return formAction(async () => {
    const client = await api();
    const current = must(await client.GET('/api/v1/notifications/preferences'), 'your notification settings');
    const locked = new Set(current.locked.map((l) => `${l.channel}.${l.category}`));
    const body: Record<string, Record<string, boolean>> = {};
    for (const channel of CHANNELS) {
      if (channel === 'sms' && !current.sms.available) continue;
      for (const category of CATEGORIES) {
        if (locked.has(`${channel}.${category}`)) continue;
        (body[channel] ??= {})[category] = form.get(`${channel}.${category}`) === 'on';
      }
    }
    must(await client.PUT('/api/v1/notifications/preferences', { body: body as never }), 'your notification settings');
    revalidatePath('/account');
    return { ok: t('account.saved') };
  });
}

/** Withdraws a back-in-stock wish. */
export async function withdrawStockWish(form: FormData): Promise<void> {
  const sku = field(form, 'sku');
  if (sku) {
    const client = await api();
    await client.DELETE('/api/v1/notifications/stock-subscriptions', { params: { query: { sku } } });
  }
  revalidatePath('/account');
}

/** Erases the account (GDPR): asks for the email as confirmation, then signs out everywhere. */
export async function eraseAccount(_prev: FormState, form: FormData): Promise<FormState> {
  const state = await formAction(async () => {
    const client = await api();
    const me = must(await client.GET('/api/v1/users/me'), 'your profile');
    if ((field(form, 'confirm') ?? '').toLowerCase() !== me.email.toLowerCase()) return { fieldErrors: { confirm: t('account.eraseMismatch') }, error: t('form.fix') };
    must(await client.DELETE('/api/v1/users/me'), 'your account');
    return { ok: 'erased' };
  });
  if (state.ok !== 'erased') return state;
  // The sign-in is gone with the account: forget the session and the cart here too.
  await clearTokens();
  await forgetCart();
  redirect('/?erased=1');
}
