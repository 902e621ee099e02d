'use server';

import { api } from '@/lib/api';
import { adminAction, ok } from '@/lib/admin-actions';
import { ROLES, type Role } from '@/lib/admin-customers';
import { field, type FormState } from '@/lib/form';
import { t } from '@/lib/i18n';

const USER_ID = /^[A-Za-z0-9_]{1,60}$/;

/** Replaces a user's roles with the boxes ticked (admins only: the API refuses anyone else). */
export async function changeRoles(_prev: FormState, form: FormData): Promise<FormState> {
  const id = field(form, 'userId') ?? '';
  if (!USER_ID.test(id)) return { error: t('form.fix') };
  const roles = form.getAll('roles').filter((r): r is Role => typeof r === 'string' && (ROLES as readonly string[]).includes(r));
  if (roles.length === 0) return { error: t('form.fix'), fieldErrors: { roles: t('admin.customers.rolesRequired') } };
  return adminAction(
    async () => {
      const client = await api();
      const user = ok(await client.PUT('/api/v1/users/{id}/roles', { params: { path: { id } }, body: { roles } }), 'the customer');
      return { ok: t('admin.customers.rolesSaved', { roles: user.roles.map((r) => t(`admin.role.${r}` as never)).join(', ') }) };
    },
    { rename: { roles: 'roles' }, revalidate: [`/admin/customers/${id}`, '/admin/customers'] },
  );
}
