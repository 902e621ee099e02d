'use server';

import { adminApi } from '@/lib/admin';
import { opsAction } from '@/lib/admin-actions';
import { orThrow } from '@/lib/admin-form';
import { field, type FormState } from '@/lib/form';
import { t } from '@/lib/i18n';

// A moderator's decisions on a review, and the shop's public reply.

const REVIEW_ID = /^[A-Za-z0-9_]{1,60}$/;
const idOf = (form: FormData) => {
  const id = field(form, 'reviewId') ?? '';
  return REVIEW_ID.test(id) ? id : 'invalid';
};
const REVALIDATE = { revalidate: ['/admin/reviews'] };

export async function approveReview(_prev: FormState, form: FormData): Promise<FormState> {
  const id = idOf(form);
  return opsAction('reviews', form, async () => {
    const client = await adminApi();
    orThrow(await client.POST('/api/v1/reviews/{id}/approve', { params: { path: { id } } }), 'the review');
    return { ok: t('admin.reviews.approved') };
  }, REVALIDATE);
}

export async function rejectReview(_prev: FormState, form: FormData): Promise<FormState> {
  const id = idOf(form);
  const state = await opsAction('reviews', form, async () => {
    const client = await adminApi();
    orThrow(await client.POST('/api/v1/reviews/{id}/reject', { params: { path: { id } }, body: { reason: field(form, 'reason') ?? '' } }), 'the review');
    return { ok: t('admin.reviews.rejected') };
  }, REVALIDATE);
  return state;
}

export async function hideReview(_prev: FormState, form: FormData): Promise<FormState> {
  const id = idOf(form);
  const reason = field(form, 'reason');
  const state = await opsAction('reviews', form, async () => {
    const client = await adminApi();
    orThrow(await client.POST('/api/v1/reviews/{id}/hide', { params: { path: { id } }, body: reason ? { reason } : {} }), 'the review');
    return { ok: t('admin.reviews.hidden') };
  }, REVALIDATE);
  return state;
}

export async function replyToReview(_prev: FormState, form: FormData): Promise<FormState> {
  const id = idOf(form);
  const state = await opsAction('reviews', form, async () => {
    const client = await adminApi();
    orThrow(await client.PUT('/api/v1/reviews/{id}/reply', { params: { path: { id } }, body: { body: field(form, 'body') ?? '' } }), 'the review');
    return { ok: t('admin.reviews.replied') };
  }, REVALIDATE);
  return state;
}
