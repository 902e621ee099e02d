import type { Metadata } from 'next';
import a from '@/components/admin/admin.module.css';
import { DataTable, Pager, type Column } from '@/components/admin/DataTable';
import { FilterForm } from '@/components/admin/FilterForm';
import { StatusBadge } from '@/components/admin/StatusBadge';
import { Notice } from '@/components/ui';
import { requireSection } from '@/lib/admin';
import { loadStock, loadWarehouses, stockFiltersOf, stockHref, type StockRow } from '@/lib/admin-inventory';
import { t } from '@/lib/i18n';
import s from '../_ops/ops.module.css';

export const metadata: Metadata = { title: t('admin.inventory.title'), robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Stock per SKU and warehouse; the low-stock list is the same list, least available first. */
export default async function InventoryPage({ searchParams }: Props) {
  await requireSection('inventory');
  const filters = stockFiltersOf(await searchParams);
  const low = filters.low === '1';
  const [result, warehouses] = await Promise.all([loadStock(filters), loadWarehouses()]);
  // A column per warehouse, or only the one filtered on.
  const shown = filters.warehouse ? warehouses.filter((w) => w.code === filters.warehouse) : warehouses;
  const { cursor, ...values } = filters;
  const columns: Column<StockRow>[] = [
    {
      header: t('admin.inventory.col.sku'),
      cell: (row) => (
        <>
          <a href={`/admin/inventory/${encodeURIComponent(row.sku)}`}>{row.sku}</a> {row.low ? <StatusBadge status="low" /> : null} {row.discontinued ? <span className={s.muted}>{t('admin.inventory.discontinued')}</span> : null}
        </>
      ),
    },
    ...shown.map(
      (w): Column<StockRow> => ({
        header: w.name,
        numeric: true,
        wideOnly: true,
        cell: (row) => {
          const level = row.warehouses.find((x) => x.code === w.code);
          return level ? t('admin.inventory.cell', { available: level.available, onHand: level.onHand }) : '—';
        },
      }),
    ),
    { header: t('admin.inventory.col.onHand'), cell: (row) => row.onHand, numeric: true },
    { header: t('admin.inventory.col.reserved'), cell: (row) => row.reserved, numeric: true, wideOnly: true },
    { header: t('admin.inventory.col.available'), cell: (row) => <span className={row.low ? s.low : undefined}>{row.available}</span>, numeric: true },
    { header: t('admin.inventory.col.threshold'), cell: (row) => row.threshold, numeric: true },
  ];
  return (
    <>
      <div className={a.pageHead}>
        <h1>{low ? t('admin.inventory.lowTitle') : t('admin.inventory.title')}</h1>
      </div>
      <nav aria-label={t('admin.inventory.views')}>
        <ul className={s.tabs}>
          <li>
            <a href={stockHref({ ...values, low: undefined })} aria-current={low ? undefined : 'page'}>
              {t('admin.inventory.all')}
            </a>
          </li>
          <li>
            <a href={stockHref({ ...values, low: '1' })} aria-current={low ? 'page' : undefined}>
              {t('admin.inventory.lowTab')}
            </a>
          </li>
        </ul>
      </nav>
      <FilterForm
        action="/admin/inventory"
        label={t('admin.inventory.filter.label')}
        values={values}
        hidden={{ low: filters.low }}
        errors={result.ok ? {} : result.fieldErrors}
        filters={[
          { name: 'q', label: t('admin.inventory.filter.q'), type: 'search' },
          { name: 'warehouse', label: t('admin.inventory.filter.warehouse'), options: [{ value: '', label: t('admin.inventory.filter.everyWarehouse') }, ...warehouses.map((w) => ({ value: w.code, label: w.name }))] },
        ]}
      />
      {!result.ok ? (
        <Notice kind="error">{result.error}</Notice>
      ) : (
        <>
          <DataTable<StockRow> caption={t('admin.inventory.caption')} rows={result.data.items} rowKey={(r) => r.sku} columns={columns} empty={low ? t('admin.inventory.noLow') : t('admin.inventory.none')} />
          {result.data.items.length > 0 && shown.length > 0 ? <p className={s.muted}>{t('admin.inventory.cellHelp')}</p> : null}
          <Pager path="/admin/inventory" values={values} cursor={cursor} nextCursor={result.data.nextCursor} />
        </>
      )}
    </>
  );
}
