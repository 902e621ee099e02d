'use server';

import { adminApi } from '@/lib/admin';
import { opsAction } from '@/lib/admin-actions';
import { orThrow } from '@/lib/admin-form';
import { ROLES, type Role } from '@/lib/admin-customers';
import { field, type FormState } from '@/lib/form';
import { t, tOr } from '@/lib/i18n';

const USER_ID = /^[A-Za-z0-9_]{1,60}$/;

/** Replaces a user's roles with the boxes ticked (admins only: the API refuses anyone else). */
export async function changeRoles(_prev: FormState, form: FormData): Promise<FormState> {
  const id = field(form, 'userId') ?? '';
  if (!USER_ID.test(id)) return { error: t('form.fix') };
  const roles = form.getAll('roles').filter((r): r is Role => typeof r === 'string' && (ROLES as readonly string[]).includes(r));
  // The boxes are one fieldset in the dialog: its refusal is said above it.
  if (roles.length === 0) return { error: t('admin.customers.rolesRequired') };
  return opsAction(
    'customers',
    form,
    async () => {
      const client = await adminApi();
      const user = orThrow(await client.PUT('/api/v1/users/{id}/roles', { params: { path: { id } }, body: { roles } }), 'the customer');
      return { ok: t('admin.customers.rolesSaved', { roles: user.roles.map((r) => tOr(`admin.role.${r}`, r)).join(', ') }) };
    },
    { revalidate: [`/admin/customers/${id}`, '/admin/customers'] },
  );
}
