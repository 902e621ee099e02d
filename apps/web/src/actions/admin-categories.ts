'use server';

import { redirect } from 'next/navigation';
import { adminApi } from '@/lib/admin';
import { adminAction, orThrow } from '@/lib/admin-form';
import { field, type FormState } from '@/lib/form';
import { t } from '@/lib/i18n';

// The category tree's server actions, on the catalog's category routes.

const CODES = (): Record<string, string> => ({
  slug_taken: t('admin.categories.slugTaken'),
  category_cycle: t('admin.categories.cycle'),
  category_not_empty: t('admin.categories.notEmpty'),
});

export async function createCategory(_prev: FormState, form: FormData): Promise<FormState> {
  let done = false;
  const state = await adminAction(
    'categories',
    form,
    async () => {
      const api = await adminApi();
      const parentId = field(form, 'parentId');
      const slug = field(form, 'slug');
      orThrow(await api.POST('/api/v1/categories', { body: { name: field(form, 'name') ?? '', ...(slug ? { slug } : {}), parentId: parentId ?? null } }));
      done = true;
      return {};
    },
    CODES(),
  );
  if (done) redirect('/admin/categories?saved=created');
  return state;
}

/** Rename (name, slug) or move (parentId: '' = top level) a category. */
export async function updateCategory(_prev: FormState, form: FormData): Promise<FormState> {
  let done = false;
  const state = await adminAction(
    'categories',
    form,
    async () => {
      const api = await adminApi();
      const id = field(form, 'id') ?? '';
      const body: { name?: string; slug?: string; parentId?: string | null } = {};
      if (form.has('name')) body.name = field(form, 'name') ?? '';
      if (form.has('slug') && field(form, 'slug')) body.slug = field(form, 'slug');
      if (form.has('parentId')) body.parentId = field(form, 'parentId') ?? null;
      orThrow(await api.PATCH('/api/v1/categories/{id}', { params: { path: { id } }, body }));
      done = true;
      return {};
    },
    CODES(),
  );
  if (done) redirect('/admin/categories?saved=updated');
  return state;
}

/** Moves a category one place up or down among its siblings. */
export async function moveCategory(form: FormData): Promise<void> {
  const state = await adminAction('categories', undefined, async () => {
    const api = await adminApi();
    const position = Math.max(0, Number(field(form, 'position') ?? '0'));
    orThrow(await api.PATCH('/api/v1/categories/{id}', { params: { path: { id: field(form, 'id') ?? '' } }, body: { position } }));
    return {};
  });
  redirect(state.error ? '/admin/categories?failed=move' : '/admin/categories?saved=moved');
}

/** Deletes a category; its products and sub-categories go to `reassignTo` first when named. */
export async function deleteCategory(_prev: FormState, form: FormData): Promise<FormState> {
  let done = false;
  const state = await adminAction(
    'categories',
    form,
    async () => {
      const api = await adminApi();
      const reassignTo = field(form, 'reassignTo');
      orThrow(await api.DELETE('/api/v1/categories/{id}', { params: { path: { id: field(form, 'id') ?? '' }, query: reassignTo ? { reassignTo } : {} } }));
      done = true;
      return {};
    },
    CODES(),
  );
  if (done) redirect('/admin/categories?saved=deleted');
  return state;
}
