'use server';

import { adminApi } from '@/lib/admin';
import { opsAction } from '@/lib/admin-actions';
import { orThrow } from '@/lib/admin-form';
import { echo, field, type FormState } from '@/lib/form';
import { t } from '@/lib/i18n';

// Stock changes from the back office: an adjustment (units in or out of one warehouse, with the
// reason the ledger keeps) and a SKU's low-stock threshold.

const SKU = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** An integer typed in a field (`+5`, `-3`, `12`), or undefined. */
function integerOf(text: string | undefined): number | undefined {
  if (!text || !/^[+-]?\d{1,10}$/.test(text)) return undefined;
  return Number(text);
}

export async function adjustStock(_prev: FormState, form: FormData): Promise<FormState> {
  const sku = field(form, 'sku') ?? '';
  if (!SKU.test(sku)) return { error: t('form.fix') };
  const delta = integerOf(field(form, 'delta'));
  if (delta === undefined || delta === 0) return { error: t('form.fix'), fieldErrors: { delta: t('admin.inventory.deltaInvalid') }, values: echo(form) };
  const state = await opsAction(
    'inventory',
    form,
    async () => {
      const client = await adminApi();
      const body = { warehouse: field(form, 'warehouse') ?? '', delta, reason: field(form, 'reason') ?? '' };
      const r = orThrow(await client.POST('/api/v1/inventory/skus/{sku}/adjustments', { params: { path: { sku } }, body }), 'the stock');
      return { ok: t('admin.inventory.adjusted', { onHand: r.onHand, warehouse: r.warehouse, available: r.total.available }) };
    },
    { revalidate: [`/admin/inventory/${sku}`, '/admin/inventory'] },
  );
  return state;
}

export async function setThreshold(_prev: FormState, form: FormData): Promise<FormState> {
  const sku = field(form, 'sku') ?? '';
  if (!SKU.test(sku)) return { error: t('form.fix') };
  const threshold = integerOf(field(form, 'threshold'));
  if (threshold === undefined || threshold < 0) return { error: t('form.fix'), fieldErrors: { threshold: t('admin.inventory.thresholdInvalid') }, values: echo(form) };
  const state = await opsAction(
    'inventory',
    form,
    async () => {
      const client = await adminApi();
      orThrow(await client.PUT('/api/v1/inventory/skus/{sku}/threshold', { params: { path: { sku } }, body: { threshold } }), 'the stock');
      return { ok: t('admin.inventory.thresholdSaved', { threshold }) };
    },
    { revalidate: [`/admin/inventory/${sku}`, '/admin/inventory'] },
  );
  return state;
}
