import type { Metadata } from 'next';
import { Button, Field, LinkButton, Notice } from '@/components/ui';
import { loadStock, loadWarehouses, stockFiltersOf, stockHref } from '@/lib/admin-inventory';
import { t } from '@/lib/i18n';
import s from '../_ops/ops.module.css';

export const metadata: Metadata = { title: t('admin.inventory.title'), robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Stock per SKU and warehouse; the low-stock list is the same list, least available first. */
export default async function InventoryPage({ searchParams }: Props) {
  const filters = stockFiltersOf(await searchParams);
  const low = filters.low === '1';
  const [result, warehouses] = await Promise.all([loadStock(filters), loadWarehouses()]);
  const errors = result.ok ? {} : result.fieldErrors;
  // The columns: every warehouse, or the one filtered on.
  const shown = filters.warehouse ? warehouses.filter((w) => w.code === filters.warehouse) : warehouses;
  return (
    <div className={s.stack}>
      <h1>{low ? t('admin.inventory.lowTitle') : t('admin.inventory.title')}</h1>
      <ul className={s.tabs}>
        <li>
          <a href={stockHref({ ...filters, low: undefined, cursor: undefined })} aria-current={low ? undefined : 'page'}>
            {t('admin.inventory.all')}
          </a>
        </li>
        <li>
          <a href={stockHref({ ...filters, low: '1', cursor: undefined })} aria-current={low ? 'page' : undefined}>
            {t('admin.inventory.lowTab')}
          </a>
        </li>
      </ul>
      <form method="get" action="/admin/inventory" role="search" aria-label={t('admin.inventory.filter.label')}>
        {low ? <input type="hidden" name="low" value="1" /> : null}
        <div className={s.filters}>
          <Field name="q" label={t('admin.inventory.filter.q')} defaultValue={filters.q} error={errors.q} />
          <Field
            name="warehouse"
            label={t('admin.inventory.filter.warehouse')}
            defaultValue={filters.warehouse ?? ''}
            error={errors.warehouse}
            options={[{ value: '', label: t('admin.inventory.filter.everyWarehouse') }, ...warehouses.map((w) => ({ value: w.code, label: w.name }))]}
          />
        </div>
        <div className={s.filterButtons}>
          <Button type="submit">{t('admin.filter.apply')}</Button>
          {filters.q || filters.warehouse ? (
            <LinkButton kind="secondary" href={stockHref({ low: filters.low })}>
              {t('admin.filter.clear')}
            </LinkButton>
          ) : null}
        </div>
      </form>
      {!result.ok ? (
        <Notice kind="error">{result.error}</Notice>
      ) : result.data.items.length === 0 ? (
        <Notice>{low ? t('admin.inventory.noLow') : t('admin.inventory.none')}</Notice>
      ) : (
        <>
          <div className={s.tableWrap}>
            <table className={s.table}>
              <caption className="visually-hidden">{t('admin.inventory.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('admin.inventory.col.sku')}</th>
                  {shown.map((w) => (
                    <th key={w.code} scope="col" className={s.num}>
                      {w.name}
                    </th>
                  ))}
                  <th scope="col" className={s.num}>
                    {t('admin.inventory.col.onHand')}
                  </th>
                  <th scope="col" className={s.num}>
                    {t('admin.inventory.col.reserved')}
                  </th>
                  <th scope="col" className={s.num}>
                    {t('admin.inventory.col.available')}
                  </th>
                  <th scope="col" className={s.num}>
                    {t('admin.inventory.col.threshold')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {result.data.items.map((row) => (
                  <tr key={row.sku}>
                    <td>
                      <a href={`/admin/inventory/${encodeURIComponent(row.sku)}`}>{row.sku}</a>
                      {row.discontinued ? <span className={s.muted}> · {t('admin.inventory.discontinued')}</span> : null}
                    </td>
                    {shown.map((w) => {
                      const level = row.warehouses.find((x) => x.code === w.code);
                      return (
                        <td key={w.code} className={s.num}>
                          {level ? t('admin.inventory.cell', { available: level.available, onHand: level.onHand }) : '—'}
                        </td>
                      );
                    })}
                    <td className={s.num}>{row.onHand}</td>
                    <td className={s.num}>{row.reserved}</td>
                    <td className={`${s.num} ${row.low ? s.low : ''}`}>
                      {row.available}
                      {row.low ? <span className="visually-hidden"> {t('admin.inventory.lowMark')}</span> : null}
                    </td>
                    <td className={s.num}>{row.threshold}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className={s.muted}>{t('admin.inventory.cellHelp')}</p>
          <nav className={s.pager} aria-label={t('admin.pager.label')}>
            {filters.cursor ? <a href={stockHref(filters, { cursor: undefined })}>{t('admin.pager.first')}</a> : <span />}
            {result.data.nextCursor ? (
              <a href={stockHref(filters, { cursor: result.data.nextCursor })} rel="next">
                {t('admin.pager.next')}
              </a>
            ) : null}
          </nav>
        </>
      )}
    </div>
  );
}
