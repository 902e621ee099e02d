'use server';

import { adminApi } from '@/lib/admin';
import { opsAction } from '@/lib/admin-actions';
import { orThrow } from '@/lib/admin-form';
import { minorUnitsOf } from '@/lib/admin-money';
import { echo, field, type FormState } from '@/lib/form';
import { t, tOr } from '@/lib/i18n';
import { formatMoney } from '@/lib/money';

// The moves staff make on an order. Each answers a form state: done, or the API's refusal in
// words (an illegal move for the order's state, a refund above what is left) and its field errors.

const ORDER_ID = /^[A-Za-z0-9_]{1,60}$/;

function orderIdOf(form: FormData): string {
  const id = field(form, 'orderId') ?? '';
  return ORDER_ID.test(id) ? id : 'invalid';
}

const moneyVars = (p: Record<string, unknown>): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const k of ['requested', 'refundable']) {
    const m = p[k] as { amount?: number; currency?: string } | undefined;
    if (m && typeof m.amount === 'number' && typeof m.currency === 'string') out[k] = formatMoney({ amount: m.amount, currency: m.currency });
  }
  if (typeof p.state === 'string') out.state = tOr(`admin.status.${p.state}`, p.state).toLowerCase();
  if (typeof p.action === 'string') out.action = tOr(`admin.action.${p.action}`, p.action);
  return out;
};

export async function shipOrder(_prev: FormState, form: FormData): Promise<FormState> {
  const id = orderIdOf(form);
  const state = await opsAction(
    'orders',
    form,
    async () => {
      const client = await adminApi();
      const body = { carrier: field(form, 'carrier') ?? '', trackingNumber: field(form, 'trackingNumber') ?? '' };
      orThrow(await client.POST('/api/v1/orders/{id}/ship', { params: { path: { id } }, body }), 'the order');
      return { ok: t('admin.orders.shipped') };
    },
    { vars: moneyVars, revalidate: [`/admin/orders/${id}`, '/admin/orders'] },
  );
  return state;
}

export async function deliverOrder(_prev: FormState, form: FormData): Promise<FormState> {
  const id = orderIdOf(form);
  return opsAction(
    'orders',
    form,
    async () => {
      const client = await adminApi();
      orThrow(await client.POST('/api/v1/orders/{id}/deliver', { params: { path: { id } } }), 'the order');
      return { ok: t('admin.orders.delivered') };
    },
    { vars: moneyVars, revalidate: [`/admin/orders/${id}`, '/admin/orders'] },
  );
}

export async function cancelOrder(_prev: FormState, form: FormData): Promise<FormState> {
  const id = orderIdOf(form);
  return opsAction(
    'orders',
    form,
    async () => {
      const client = await adminApi();
      orThrow(await client.POST('/api/v1/orders/{id}/cancel', { params: { path: { id }, query: {} } }), 'the order');
      return { ok: t('admin.orders.cancelled') };
    },
    { vars: moneyVars, revalidate: [`/admin/orders/${id}`, '/admin/orders'] },
  );
}

/** A full refund (amount left empty) or a partial one (an amount in major units of the order's currency). */
export async function refundOrder(_prev: FormState, form: FormData): Promise<FormState> {
  const id = orderIdOf(form);
  const currency = field(form, 'currency') ?? 'USD';
  const text = field(form, 'amount');
  const reason = field(form, 'reason');
  let amount: number | undefined;
  if (text !== undefined) {
    amount = minorUnitsOf(text, currency);
    if (amount === undefined || amount === 0) return { error: t('form.fix'), fieldErrors: { amount: t('admin.money.invalid') }, values: echo(form) };
  }
  const state = await opsAction(
    'orders',
    form,
    async () => {
      const client = await adminApi();
      const body = { ...(amount !== undefined ? { amount: { amount, currency } } : {}), ...(reason ? { reason } : {}) };
      const order = orThrow(await client.POST('/api/v1/orders/{id}/refund', { params: { path: { id } }, body }), 'the order');
      const asked = amount ?? order.payment.refundPending.amount;
      return { ok: t('admin.orders.refundRequested', { amount: formatMoney({ amount: asked, currency }) }) };
    },
    { rename: { 'amount.amount': 'amount', 'amount.currency': 'amount', amount: 'amount' }, vars: moneyVars, revalidate: [`/admin/orders/${id}`, '/admin/orders'] },
  );
  return state;
}
