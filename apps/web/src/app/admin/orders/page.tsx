import type { Metadata } from 'next';
import { Button, Field, LinkButton, Notice } from '@/components/ui';
import { staffTime } from '@/lib/admin-money';
import { filtersOf, loadOrders, ORDER_STATUSES, ordersHref } from '@/lib/admin-orders';
import { t, tOr } from '@/lib/i18n';
import { formatMoney } from '@/lib/money';
import { currencies } from '@/lib/shop';
import s from '../_ops/ops.module.css';

export const metadata: Metadata = { title: t('admin.orders.title'), robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Every order, newest first: filtered by status, dates, customer, currency and total, or found by id or email. */
export default async function OrdersPage({ searchParams }: Props) {
  const filters = filtersOf(await searchParams);
  const [result, shopCurrencies] = await Promise.all([loadOrders(filters), currencies().catch(() => ['USD'])]);
  const errors = result.ok ? {} : result.fieldErrors;
  const filtered = Object.keys(filters).some((k) => k !== 'cursor');
  return (
    <div className={s.stack}>
      <h1>{t('admin.orders.title')}</h1>
      <form method="get" action="/admin/orders" role="search" aria-label={t('admin.orders.filter.label')}>
        <div className={s.filters}>
          <Field name="q" label={t('admin.orders.filter.q')} defaultValue={filters.q} error={errors.q} />
          <Field
            name="status"
            label={t('admin.orders.filter.status')}
            defaultValue={filters.status ?? ''}
            error={errors.status}
            options={[{ value: '', label: t('admin.orders.filter.any') }, ...ORDER_STATUSES.map((st) => ({ value: st, label: tOr(`order.status.${st}`, st) }))]}
          />
          <Field name="from" type="date" label={t('admin.orders.filter.from')} defaultValue={filters.from} error={errors.from} />
          <Field name="to" type="date" label={t('admin.orders.filter.to')} defaultValue={filters.to} error={errors.to} />
          <Field
            name="currency"
            label={t('admin.orders.filter.currency')}
            defaultValue={filters.currency ?? ''}
            error={errors.currency}
            options={[{ value: '', label: t('admin.orders.filter.any') }, ...shopCurrencies.map((c) => ({ value: c, label: c }))]}
          />
          <Field name="min" label={t('admin.orders.filter.min')} inputMode="decimal" defaultValue={filters.min} error={errors.min} />
          <Field name="max" label={t('admin.orders.filter.max')} inputMode="decimal" defaultValue={filters.max} error={errors.max} />
          <Field name="customer" label={t('admin.orders.filter.customer')} defaultValue={filters.customer} error={errors.customer} hint={t('admin.orders.filter.customerHint')} />
        </div>
        <div className={s.filterButtons}>
          <Button type="submit">{t('admin.filter.apply')}</Button>
          {filtered ? (
            <LinkButton kind="secondary" href="/admin/orders">
              {t('admin.filter.clear')}
            </LinkButton>
          ) : null}
        </div>
      </form>
      {!result.ok ? (
        <Notice kind="error">{result.error}</Notice>
      ) : result.page.items.length === 0 ? (
        <Notice>{filtered ? t('admin.orders.noneMatch') : t('admin.orders.none')}</Notice>
      ) : (
        <>
          <div className={s.tableWrap}>
            <table className={s.table}>
              <caption className="visually-hidden">{t('admin.orders.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('admin.orders.col.id')}</th>
                  <th scope="col">{t('admin.orders.col.placed')}</th>
                  <th scope="col">{t('admin.orders.col.customer')}</th>
                  <th scope="col">{t('admin.orders.col.status')}</th>
                  <th scope="col">{t('admin.orders.col.payment')}</th>
                  <th scope="col" className={s.num}>
                    {t('admin.orders.col.total')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {result.page.items.map((o) => (
                  <tr key={o.id}>
                    <td>
                      <a href={`/admin/orders/${o.id}`}>{o.id}</a>
                    </td>
                    <td>{staffTime(o.createdAt)}</td>
                    <td>{o.email}</td>
                    <td>
                      <span className={s.pill} data-status={o.status}>
                        {tOr(`order.status.${o.status}`, o.status)}
                      </span>
                    </td>
                    <td>{tOr(`admin.payment.${o.payment.status}`, o.payment.status)}</td>
                    <td className={s.num}>{formatMoney(o.totals.total)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <nav className={s.pager} aria-label={t('admin.pager.label')}>
            {filters.cursor ? <a href={ordersHref(filters, { cursor: undefined })}>{t('admin.pager.first')}</a> : <span />}
            {result.page.nextCursor ? (
              <a href={ordersHref(filters, { cursor: result.page.nextCursor })} rel="next">
                {t('admin.pager.next')}
              </a>
            ) : null}
          </nav>
        </>
      )}
    </div>
  );
}
