import type { Metadata } from 'next';
import a from '@/components/admin/admin.module.css';
import { DataTable, Pager } from '@/components/admin/DataTable';
import { FilterForm } from '@/components/admin/FilterForm';
import { Notice } from '@/components/ui';
import { requireSection } from '@/lib/admin';
import { customerFiltersOf, loadCustomers, ROLES, type UserPage } from '@/lib/admin-customers';
import { staffTime } from '@/lib/admin-money';
import { t, tOr } from '@/lib/i18n';
import s from '../_ops/ops.module.css';

export const metadata: Metadata = { title: t('admin.customers.title'), robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
type Row = UserPage['items'][number];

/** Every account: searched by email or name, filtered by role. */
export default async function CustomersPage({ searchParams }: Props) {
  await requireSection('customers');
  const filters = customerFiltersOf(await searchParams);
  const result = await loadCustomers(filters);
  const { cursor, ...values } = filters;
  return (
    <>
      <div className={a.pageHead}>
        <h1>{t('admin.customers.title')}</h1>
      </div>
      <FilterForm
        action="/admin/customers"
        label={t('admin.customers.filter.label')}
        values={values}
        errors={result.ok ? {} : result.fieldErrors}
        filters={[
          { name: 'q', label: t('admin.customers.filter.q'), type: 'search' },
          { name: 'role', label: t('admin.customers.filter.role'), options: [{ value: '', label: t('admin.orders.filter.any') }, ...ROLES.map((r) => ({ value: r, label: tOr(`admin.role.${r}`, r) }))] },
        ]}
      />
      {!result.ok ? (
        <Notice kind="error">{result.error}</Notice>
      ) : (
        <>
          <DataTable<Row>
            caption={t('admin.customers.caption')}
            rows={result.data.items}
            rowKey={(u) => u.id}
            empty={t('admin.customers.none')}
            columns={[
              { header: t('admin.customers.col.name'), cell: (u) => <a href={`/admin/customers/${u.id}`}>{u.name || u.email}</a> },
              {
                header: t('admin.customers.col.email'),
                long: true,
                cell: (u) => (
                  <>
                    {u.email}
                    {u.emailVerified ? null : <span className={s.muted}> {t('admin.customers.unverified')}</span>}
                  </>
                ),
              },
              { header: t('admin.customers.col.roles'), cell: (u) => u.roles.map((r) => tOr(`admin.role.${r}`, r)).join(', ') },
              { header: t('admin.customers.col.since'), cell: (u) => staffTime(u.createdAt), wideOnly: true },
            ]}
          />
          <Pager path="/admin/customers" values={values} cursor={cursor} nextCursor={result.data.nextCursor} />
        </>
      )}
    </>
  );
}
