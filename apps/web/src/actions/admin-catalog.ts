'use server';

import { redirect } from 'next/navigation';
import { adminApi } from '@/lib/admin';
import { adminAction, orThrow } from '@/lib/admin-form';
import { editableFromForm, editableOf, productBody, remapErrors, variantFromForm, type EditableProduct } from '@/lib/admin-catalog';
import { ApiError, problemOf } from '@/lib/api';
import { echo, field, fieldOf, type FormState } from '@/lib/form';
import { t } from '@/lib/i18n';
import type { Product } from '@/lib/types';

// The catalog's server actions: every product write sends the ETag the editor was opened with
// as If-Match, so an edit made meanwhile elsewhere is never overwritten unknowingly (412).

export interface ConflictRow {
  field: string;
  /** As the editor was opened. */
  before: string;
  /** As it is now, after the other edit. */
  now: string;
  /** What this editor sent. */
  yours: string;
}

export interface ProductFormState extends FormState {
  conflict?: { etag: string; rows: ConflictRow[] };
}

/** The form's values to show again, the checked categories included (one per line). */
function echoAll(form: FormData): Record<string, string> {
  return { ...echo(form), categories: form.getAll('categories').filter((c) => typeof c === 'string').join('\n') };
}

const CATALOG_CODES = (): Record<string, string> => ({
  slug_taken: t('admin.catalog.slugTaken'),
  sku_taken: t('admin.catalog.skuTaken'),
  precondition_failed: t('admin.catalog.conflict'),
  precondition_required: t('admin.catalog.conflict'),
  last_variant: t('admin.catalog.lastVariant'),
  unsupported_media_type: t('admin.catalog.image415'),
  payload_too_large: t('admin.catalog.image413'),
  image_unreadable: t('admin.catalog.image422'),
});

const show = (e: EditableProduct, key: keyof EditableProduct, names: Map<string, string>): string => {
  const v = e[key];
  if (key === 'categories') return (v as string[]).map((id) => names.get(id) ?? id).join(', ') || '–';
  if (key === 'options') return (v as EditableProduct['options']).map((o) => `${o.name}: ${o.values}`).join('; ') || '–';
  return (v as string) || '–';
};

const LABELS: Record<keyof EditableProduct, string> = {
  title: 'admin.catalog.title',
  slug: 'admin.catalog.slug',
  description: 'admin.catalog.description',
  categories: 'admin.catalog.categories',
  seoTitle: 'admin.catalog.seoTitle',
  seoDescription: 'admin.catalog.seoDescription',
  options: 'admin.catalog.options',
};

/** The fields of the form the API's errors may name, for remapping pointers. */
const PRODUCT_FIELDS = new Set(['title', 'slug', 'description', 'categories', 'seo.title', 'seo.description', 'status', ...[0, 1, 2].flatMap((i) => [`options.${i}.name`, `options.${i}.values`])]);

/** The editor's refusal with the API's field errors on the form's fields (options' values named by index → their field). */
function refusal(err: ApiError, form: FormData, map: Record<string, string>, fields: ReadonlySet<string>): ProductFormState {
  const raw: Record<string, string> = {};
  for (const e of err.problem.errors ?? []) {
    const f = fieldOf(e.pointer);
    if (f && !raw[f]) raw[f] = e.message;
  }
  const fieldErrors = remapErrors(raw, map, fields);
  const codes = CATALOG_CODES();
  const error = (err.problem.code && codes[err.problem.code]) ?? (Object.keys(fieldErrors).length > 0 ? t('form.fix') : (err.problem.detail ?? err.problem.title ?? `HTTP ${err.problem.status}`));
  return { error, ...(Object.keys(fieldErrors).length ? { fieldErrors } : {}), values: echoAll(form) };
}

export async function createProduct(_prev: ProductFormState, form: FormData): Promise<ProductFormState> {
  let created: string | undefined;
  const state = await adminAction(
    'catalog',
    form,
    async () => {
      const e = editableFromForm(form);
      const currencies = form.getAll('currency').filter((c): c is string => typeof c === 'string');
      const optionNames = e.options.map((o) => o.name);
      const count = Math.min(100, Number(field(form, 'variantCount') ?? '1') || 1);
      const variants = [];
      const localErrors: Record<string, string> = {};
      const map: Record<string, string> = {};
      const fields = new Set(PRODUCT_FIELDS);
      for (let i = 0; i < count; i++) {
        const prefix = `variants.${i}`;
        if (!field(form, `${prefix}.sku`) && ![...form.keys()].some((k) => k.startsWith(`${prefix}.`) && field(form, k))) continue;
        const v = variantFromForm(form, prefix, optionNames, currencies);
        Object.assign(localErrors, v.errors);
        for (const [k, f] of Object.entries(v.pointerToField)) map[`variants.${variants.length}.${k}`] = f;
        map[`variants.${variants.length}.sku`] = `${prefix}.sku`;
        map[`variants.${variants.length}.title`] = `${prefix}.title`;
        fields.add(`${prefix}.sku`);
        variants.push(v.variant);
      }
      if (Object.keys(localErrors).length > 0) return { error: t('form.fix'), fieldErrors: localErrors, values: echoAll(form) };
      const api = await adminApi();
      const r = await api.POST('/api/v1/products', { body: { ...productBody(e), status: 'draft', variants } });
      if (!r.response.ok && r.response.status < 500) return refusal(new ApiError(problemOf(r)), form, map, fields);
      created = orThrow(r).id;
      return {};
    },
    CATALOG_CODES(),
  );
  if (created) redirect(`/admin/catalog/${created}?created=1`);
  return state;
}

/** Saves the product's fields with If-Match; a 412 answers what changed since the editor was opened. */
export async function updateProduct(_prev: ProductFormState, form: FormData): Promise<ProductFormState> {
  const id = field(form, 'id') ?? '';
  let saved = false;
  const state = await adminAction(
    'catalog',
    form,
    async (): Promise<ProductFormState> => {
      const e = editableFromForm(form);
      const ifMatch = field(form, 'overwrite') ?? field(form, 'etag') ?? '';
      const api = await adminApi();
      const r = await api.PATCH('/api/v1/products/{id}', { params: { path: { id }, header: { 'if-match': ifMatch } }, body: productBody(e) });
      if (r.response.status === 412) {
        const now = await api.GET('/api/v1/products/{id}', { params: { path: { id } } });
        const current = orThrow(now);
        const etag = now.response.headers.get('etag') ?? '';
        let before: EditableProduct;
        try {
          before = JSON.parse(field(form, 'base') ?? '{}') as EditableProduct;
        } catch {
          before = e;
        }
        const theirs = editableOf(current as Product);
        const names = new Map(current.categories.map((c) => [c.id, c.name]));
        const rows: ConflictRow[] = (Object.keys(LABELS) as Array<keyof EditableProduct>)
          .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(theirs[k]) || JSON.stringify(e[k]) !== JSON.stringify(theirs[k]))
          .map((k) => ({ field: t(LABELS[k] as 'admin.catalog.title'), before: show(before, k, names), now: show(theirs, k, names), yours: show(e, k, names) }));
        return { error: t('admin.catalog.conflict'), conflict: { etag, rows }, values: echoAll(form) };
      }
      if (!r.response.ok && r.response.status < 500) return refusal(new ApiError(problemOf(r)), form, {}, PRODUCT_FIELDS);
      orThrow(r);
      saved = true;
      return {};
    },
    CATALOG_CODES(),
  );
  if (saved) redirect(`/admin/catalog/${id}?saved=1`);
  return state;
}

/** Publish, archive or back to draft: a PATCH of the status with If-Match. */
export async function setProductStatus(_prev: FormState, form: FormData): Promise<FormState> {
  const id = field(form, 'id') ?? '';
  const status = field(form, 'status') as 'draft' | 'published' | 'archived';
  let done = false;
  const state = await adminAction(
    'catalog',
    undefined,
    async () => {
      const api = await adminApi();
      orThrow(await api.PATCH('/api/v1/products/{id}', { params: { path: { id }, header: { 'if-match': field(form, 'etag') ?? '' } }, body: { status } }));
      done = true;
      return {};
    },
    CATALOG_CODES(),
  );
  if (done) redirect(`/admin/catalog/${id}?status=${status}`);
  return state;
}

export async function deleteProduct(_prev: FormState, form: FormData): Promise<FormState> {
  let done = false;
  const state = await adminAction(
    'catalog',
    undefined,
    async () => {
      const api = await adminApi();
      orThrow(await api.DELETE('/api/v1/products/{id}', { params: { path: { id: field(form, 'id') ?? '' }, header: { 'if-match': field(form, 'etag') ?? '' } } }));
      done = true;
      return {};
    },
    CATALOG_CODES(),
  );
  if (done) redirect('/admin/catalog?deleted=1');
  return state;
}

function optionNamesOf(form: FormData): string[] {
  return form.getAll('optionName').filter((c): c is string => typeof c === 'string');
}
function currenciesOf(form: FormData): string[] {
  return form.getAll('currency').filter((c): c is string => typeof c === 'string');
}

/** Adds a variant (SKU, options, prices) with If-Match. */
export async function addVariant(_prev: FormState, form: FormData): Promise<FormState> {
  const id = field(form, 'id') ?? '';
  let done = false;
  const state = await adminAction(
    'catalog',
    form,
    async () => {
      const v = variantFromForm(form, 'new', optionNamesOf(form), currenciesOf(form));
      if (Object.keys(v.errors).length) return { error: t('form.fix'), fieldErrors: v.errors, values: echoAll(form) };
      const api = await adminApi();
      const r = await api.POST('/api/v1/products/{id}/variants', { params: { path: { id }, header: { 'if-match': field(form, 'etag') ?? '' } }, body: v.variant });
      if (!r.response.ok && r.response.status < 500) return refusal(new ApiError(problemOf(r)), form, { ...v.pointerToField, sku: 'new.sku', title: 'new.title' }, new Set(['new.sku', 'new.title']));
      orThrow(r);
      done = true;
      return {};
    },
    CATALOG_CODES(),
  );
  if (done) redirect(`/admin/catalog/${id}?variant=added`);
  return state;
}

/** Changes a variant's title and prices (its prices are replaced) with If-Match. */
export async function updateVariant(_prev: FormState, form: FormData): Promise<FormState> {
  const id = field(form, 'id') ?? '';
  const variantId = field(form, 'variantId') ?? '';
  let done = false;
  const state = await adminAction(
    'catalog',
    form,
    async () => {
      const v = variantFromForm(form, 'v', optionNamesOf(form), currenciesOf(form));
      if (Object.keys(v.errors).length) return { error: t('form.fix'), fieldErrors: v.errors, values: echoAll(form) };
      const api = await adminApi();
      const r = await api.PATCH('/api/v1/products/{id}/variants/{variantId}', {
        params: { path: { id, variantId }, header: { 'if-match': field(form, 'etag') ?? '' } },
        body: { sku: v.variant.sku, title: v.variant.title, options: v.variant.options, prices: v.variant.prices },
      });
      if (!r.response.ok && r.response.status < 500) return refusal(new ApiError(problemOf(r)), form, { ...v.pointerToField, sku: 'v.sku', title: 'v.title' }, new Set(['v.sku', 'v.title']));
      orThrow(r);
      done = true;
      return {};
    },
    CATALOG_CODES(),
  );
  if (done) redirect(`/admin/catalog/${id}?variant=saved`);
  return state;
}

export async function deleteVariant(_prev: FormState, form: FormData): Promise<FormState> {
  const id = field(form, 'id') ?? '';
  let done = false;
  const state = await adminAction(
    'catalog',
    undefined,
    async () => {
      const api = await adminApi();
      orThrow(await api.DELETE('/api/v1/products/{id}/variants/{variantId}', { params: { path: { id, variantId: field(form, 'variantId') ?? '' }, header: { 'if-match': field(form, 'etag') ?? '' } } }));
      done = true;
      return {};
    },
    CATALOG_CODES(),
  );
  if (done) redirect(`/admin/catalog/${id}?variant=deleted`);
  return state;
}

/**
 * Uploads an image (the API reads its real type, re-encodes it and makes the storefront's sizes)
 * and attaches it to the product with its alt text. 415/413/422 are said in words next to the file.
 */
export async function uploadProductImage(_prev: FormState, form: FormData): Promise<FormState> {
  const id = field(form, 'id') ?? '';
  let done = false;
  const state = await adminAction(
    'catalog',
    form,
    async () => {
      const file = form.get('file');
      const alt = field(form, 'alt');
      const errors: Record<string, string> = {};
      if (!(file instanceof File) || file.size === 0) errors.file = t('admin.catalog.imageMissing');
      if (!alt) errors.alt = t('admin.catalog.altMissing');
      if (Object.keys(errors).length || !(file instanceof File)) return { error: t('form.fix'), fieldErrors: errors, values: echoAll(form) };
      const api = await adminApi();
      const bytes = new Uint8Array(await file.arrayBuffer());
      const up = await api.POST('/api/v1/media/images', {
        body: bytes as never,
        bodySerializer: (b: unknown) => b as BodyInit,
        headers: { 'content-type': 'application/octet-stream' },
      });
      if (!up.response.ok && up.response.status < 500) {
        const p = problemOf(up);
        const codes = CATALOG_CODES();
        const words = (p.code && codes[p.code]) ?? (p.status === 415 ? codes.unsupported_media_type : p.status === 413 ? codes.payload_too_large : (p.detail ?? p.title ?? `HTTP ${p.status}`));
        return { error: words, fieldErrors: { file: words! }, values: echoAll(form) };
      }
      const media = orThrow(up);
      const current = await api.GET('/api/v1/products/{id}', { params: { path: { id } } });
      const product = orThrow(current);
      const images = [...product.images.map((i) => (i.mediaId ? { mediaId: i.mediaId, alt: i.alt } : { url: i.url, alt: i.alt })), { mediaId: media.id, alt: alt! }];
      const r = await api.PATCH('/api/v1/products/{id}', { params: { path: { id }, header: { 'if-match': field(form, 'etag') ?? '' } }, body: { images } });
      if (!r.response.ok && r.response.status < 500) return refusal(new ApiError(problemOf(r)), form, {}, new Set(['alt']));
      orThrow(r);
      done = true;
      return {};
    },
    CATALOG_CODES(),
  );
  if (done) redirect(`/admin/catalog/${id}?image=added`);
  return state;
}

/** Removes an image from the product (the media stays in the store for other products). */
export async function removeProductImage(_prev: FormState, form: FormData): Promise<FormState> {
  const id = field(form, 'id') ?? '';
  const index = Number(field(form, 'index') ?? '-1');
  let done = false;
  const state = await adminAction(
    'catalog',
    undefined,
    async () => {
      const api = await adminApi();
      const product = orThrow(await api.GET('/api/v1/products/{id}', { params: { path: { id } } }));
      const images = product.images.filter((_, i) => i !== index).map((i) => (i.mediaId ? { mediaId: i.mediaId, alt: i.alt } : { url: i.url, alt: i.alt }));
      orThrow(await api.PATCH('/api/v1/products/{id}', { params: { path: { id }, header: { 'if-match': field(form, 'etag') ?? '' } }, body: { images } }));
      done = true;
      return {};
    },
    CATALOG_CODES(),
  );
  if (done) redirect(`/admin/catalog/${id}?image=removed`);
  return state;
}
