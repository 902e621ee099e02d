import type { Metadata } from 'next';
import { Button, Field, LinkButton, Notice } from '@/components/ui';
import { customerFiltersOf, customersHref, loadCustomers, ROLES } from '@/lib/admin-customers';
import { staffTime } from '@/lib/admin-money';
import { t, tOr } from '@/lib/i18n';
import s from '../_ops/ops.module.css';

export const metadata: Metadata = { title: t('admin.customers.title'), robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Every account: searched by email or name, filtered by role. */
export default async function CustomersPage({ searchParams }: Props) {
  const filters = customerFiltersOf(await searchParams);
  const result = await loadCustomers(filters);
  const errors = result.ok ? {} : result.fieldErrors;
  return (
    <div className={s.stack}>
      <h1>{t('admin.customers.title')}</h1>
      <form method="get" action="/admin/customers" role="search" aria-label={t('admin.customers.filter.label')}>
        <div className={s.filters}>
          <Field name="q" label={t('admin.customers.filter.q')} defaultValue={filters.q} error={errors.q} />
          <Field
            name="role"
            label={t('admin.customers.filter.role')}
            defaultValue={filters.role ?? ''}
            error={errors.role}
            options={[{ value: '', label: t('admin.orders.filter.any') }, ...ROLES.map((r) => ({ value: r, label: tOr(`admin.role.${r}`, r) }))]}
          />
        </div>
        <div className={s.filterButtons}>
          <Button type="submit">{t('admin.filter.apply')}</Button>
          {filters.q || filters.role ? (
            <LinkButton kind="secondary" href="/admin/customers">
              {t('admin.filter.clear')}
            </LinkButton>
          ) : null}
        </div>
      </form>
      {!result.ok ? (
        <Notice kind="error">{result.error}</Notice>
      ) : result.data.items.length === 0 ? (
        <Notice>{t('admin.customers.none')}</Notice>
      ) : (
        <>
          <div className={s.tableWrap}>
            <table className={s.table}>
              <caption className="visually-hidden">{t('admin.customers.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('admin.customers.col.name')}</th>
                  <th scope="col">{t('admin.customers.col.email')}</th>
                  <th scope="col">{t('admin.customers.col.roles')}</th>
                  <th scope="col">{t('admin.customers.col.since')}</th>
                </tr>
              </thead>
              <tbody>
                {result.data.items.map((u) => (
                  <tr key={u.id}>
                    <td>
                      <a href={`/admin/customers/${u.id}`}>{u.name || u.email}</a>
                    </td>
                    <td>
                      {u.email}
                      {u.emailVerified ? null : <span className={s.muted}> · {t('admin.customers.unverified')}</span>}
                    </td>
                    <td>
                      {u.roles.map((r) => (
                        <span key={r} className={s.pill}>
                          {tOr(`admin.role.${r}`, r)}
                        </span>
                      ))}
                    </td>
                    <td>{staffTime(u.createdAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <nav className={s.pager} aria-label={t('admin.pager.label')}>
            {filters.cursor ? <a href={customersHref(filters, { cursor: undefined })}>{t('admin.pager.first')}</a> : <span />}
            {result.data.nextCursor ? (
              <a href={customersHref(filters, { cursor: result.data.nextCursor })} rel="next">
                {t('admin.pager.next')}
              </a>
            ) : null}
          </nav>
        </>
      )}
    </div>
  );
}
