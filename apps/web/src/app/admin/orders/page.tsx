import type { Metadata } from 'next';
import a from '@/components/admin/admin.module.css';
import { DataTable, Pager } from '@/components/admin/DataTable';
import { FilterForm } from '@/components/admin/FilterForm';
import { StatusBadge } from '@/components/admin/StatusBadge';
import { Notice } from '@/components/ui';
import { requireSection } from '@/lib/admin';
import { staffTime } from '@/lib/admin-money';
import { filtersOf, loadOrders, ORDER_STATUSES } from '@/lib/admin-orders';
import { t, tOr } from '@/lib/i18n';
import { formatMoney } from '@/lib/money';
import { currencies } from '@/lib/shop';
import type { OrderList } from '@/lib/types';

export const metadata: Metadata = { title: t('admin.orders.title'), robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
type Row = OrderList['items'][number];

/** Every order, newest first: filtered by status, dates, customer, currency and total, or found by id or email. */
export default async function OrdersPage({ searchParams }: Props) {
  await requireSection('orders');
  const filters = filtersOf(await searchParams);
  const [result, shopCurrencies] = await Promise.all([loadOrders(filters), currencies().catch(() => ['USD'])]);
  const any = { value: '', label: t('admin.orders.filter.any') };
  const { cursor, ...values } = filters;
  const filtered = Object.keys(values).length > 0;
  return (
    <>
      <div className={a.pageHead}>
        <h1>{t('admin.orders.title')}</h1>
      </div>
      <FilterForm
        action="/admin/orders"
        label={t('admin.orders.filter.label')}
        values={values}
        errors={result.ok ? {} : result.fieldErrors}
        filters={[
          { name: 'q', label: t('admin.orders.filter.q'), type: 'search' },
          { name: 'status', label: t('admin.orders.filter.status'), options: [any, ...ORDER_STATUSES.map((st) => ({ value: st, label: tOr(`admin.status.${st}`, st) }))] },
          { name: 'from', more: true, label: t('admin.orders.filter.from'), type: 'date' },
          { name: 'to', more: true, label: t('admin.orders.filter.to'), type: 'date' },
          { name: 'currency', more: true, label: t('admin.orders.filter.currency'), options: [any, ...shopCurrencies.map((c) => ({ value: c, label: c }))] },
          { name: 'min', more: true, label: t('admin.orders.filter.min') },
          { name: 'max', more: true, label: t('admin.orders.filter.max') },
          { name: 'customer', more: true, label: t('admin.orders.filter.customer'), placeholder: 'usr_…' },
        ]}
      />
      {!result.ok ? (
        <Notice kind="error">{result.error}</Notice>
      ) : (
        <>
          <DataTable<Row>
            caption={t('admin.orders.caption')}
            rows={result.data.items}
            rowKey={(o) => o.id}
            empty={filtered ? t('admin.orders.noneMatch') : t('admin.orders.none')}
            columns={[
              { header: t('admin.orders.col.id'), cell: (o) => <a href={`/admin/orders/${o.id}`}>{o.id}</a>, long: true },
              { header: t('admin.orders.col.placed'), cell: (o) => staffTime(o.createdAt), wideOnly: true },
              { header: t('admin.orders.col.customer'), cell: (o) => o.email, long: true },
              { header: t('admin.orders.col.status'), cell: (o) => <StatusBadge status={o.status} /> },
              { header: t('admin.orders.col.payment'), cell: (o) => <StatusBadge status={o.payment.status} label={tOr(`admin.payment.${o.payment.status}`, o.payment.status)} />, wideOnly: true },
              { header: t('admin.orders.col.total'), cell: (o) => formatMoney(o.totals.total), numeric: true },
            ]}
          />
          <Pager path="/admin/orders" values={values} cursor={cursor} nextCursor={result.data.nextCursor} />
        </>
      )}
    </>
  );
}
