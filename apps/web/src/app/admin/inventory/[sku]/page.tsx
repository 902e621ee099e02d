import type { Metadata } from 'next';
import { ActionForm } from '@/components/ActionForm';
import a from '@/components/admin/admin.module.css';
import { DataTable, Pager } from '@/components/admin/DataTable';
import { FilterForm } from '@/components/admin/FilterForm';
import { StatusBadge } from '@/components/admin/StatusBadge';
import { Notice } from '@/components/ui';
import { param, requireSection } from '@/lib/admin';
import { staffTime } from '@/lib/admin-money';
import { loadLedger, loadSku, MOVEMENT_KINDS, type Ledger } from '@/lib/admin-inventory';
import { t, tOr } from '@/lib/i18n';
import s from '../../_ops/ops.module.css';
import { adjustStock, setThreshold } from '../actions';
import { pageNotFound } from '@/lib/runtime';

type Props = { params: Promise<{ sku: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };
type Movement = Ledger['items'][number];

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { sku } = await params;
  return { title: t('admin.sku.title', { sku: decodeURIComponent(sku) }), robots: { index: false } };
}

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

/** One SKU: its levels per warehouse, an adjustment with its reason, its threshold, its ledger. */
export default async function SkuPage({ params, searchParams }: Props) {
  await requireSection('inventory');
  const sku = decodeURIComponent((await params).sku);
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(sku)) pageNotFound();
  const q = await searchParams;
  const ledgerFilters = { warehouse: param(q.warehouse, 32), kind: param(q.kind, 32) };
  const cursor = param(q.cursor);
  const [stock, ledger] = await Promise.all([loadSku(sku), loadLedger(sku, { ...ledgerFilters, ...(cursor ? { cursor } : {}) })]);
  const path = `/admin/inventory/${encodeURIComponent(sku)}`;
  const warehouseName = new Map(stock.warehouses.map((w) => [w.code, w.name]));
  const isLow = stock.available <= stock.threshold;
  return (
    <>
      <p>
        <a href="/admin/inventory" className={a.smallLink}>
          {t('admin.sku.back')}
        </a>
      </p>
      <div className={a.pageHead}>
        <h1>{t('admin.sku.title', { sku })}</h1>
        {isLow ? <StatusBadge status="low" /> : null}
      </div>
      {isLow ? <Notice kind="error">{t('admin.sku.low', { available: stock.available, threshold: stock.threshold })}</Notice> : null}
      {stock.discontinued ? <Notice>{t('admin.sku.discontinued')}</Notice> : null}
      <div className={s.split}>
        <section className={a.panel} aria-labelledby="levels">
          <h2 id="levels">{t('admin.sku.levels')}</h2>
          <div className={a.tableWrap}>
            <table className={a.table}>
              <caption className="visually-hidden">{t('admin.sku.levels')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('admin.sku.col.warehouse')}</th>
                  <th scope="col" className={a.num}>
                    {t('admin.inventory.col.onHand')}
                  </th>
                  <th scope="col" className={a.num}>
                    {t('admin.inventory.col.reserved')}
                  </th>
                  <th scope="col" className={a.num}>
                    {t('admin.inventory.col.available')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {stock.warehouses.map((w) => (
                  <tr key={w.code}>
                    <th scope="row">
                      {w.name} <span className={s.muted}>({w.code})</span>
                    </th>
                    <td className={a.num}>{w.onHand}</td>
                    <td className={a.num}>{w.reserved}</td>
                    <td className={a.num}>{w.available}</td>
                  </tr>
                ))}
                <tr>
                  <th scope="row">{t('admin.sku.total')}</th>
                  <td className={a.num}>{stock.onHand}</td>
                  <td className={a.num}>{stock.reserved}</td>
                  <td className={a.num}>
                    <span className={isLow ? s.low : undefined}>{stock.available}</span>
                  </td>
                </tr>
              </tbody>
            </table>
          </div>
          <p className={s.muted}>{t('admin.sku.thresholdNow', { threshold: stock.threshold })}</p>
        </section>
        <div>
          <section className={`${a.panel} ${s.formPanel}`} aria-labelledby="adjust">
            <h2 id="adjust">{t('admin.sku.adjust')}</h2>
            <ActionForm
              action={adjustStock}
              hidden={{ sku }}
              resetOnOk
              fields={[
                { name: 'warehouse', label: t('admin.sku.warehouse'), options: stock.warehouses.map((w) => ({ value: w.code, label: w.name })), defaultValue: stock.warehouses[0]?.code },
                { name: 'delta', label: t('admin.sku.delta'), inputMode: 'numeric', hint: t('admin.sku.deltaHint'), required: true },
                { name: 'reason', label: t('admin.sku.reason'), hint: t('admin.sku.reasonHint'), required: true, maxLength: 500 },
              ]}
              submit={t('admin.sku.adjust')}
              pendingLabel={t('admin.confirm.working')}
            />
          </section>
          <section className={`${a.panel} ${s.formPanel}`} aria-labelledby="threshold">
            <h2 id="threshold">{t('admin.sku.threshold')}</h2>
            <ActionForm
              action={setThreshold}
              hidden={{ sku }}
              fields={[{ name: 'threshold', label: t('admin.sku.thresholdField'), inputMode: 'numeric', defaultValue: String(stock.threshold), hint: t('admin.sku.thresholdHint'), required: true }]}
              submit={t('admin.sku.thresholdSave')}
              pendingLabel={t('admin.confirm.working')}
            />
          </section>
        </div>
      </div>
      <section aria-labelledby="ledger">
        <h2 id="ledger">{t('admin.sku.ledger')}</h2>
        <FilterForm
          action={path}
          label={t('admin.sku.ledgerFilter')}
          values={ledgerFilters}
          errors={ledger.ok ? {} : ledger.fieldErrors}
          filters={[
            { name: 'warehouse', label: t('admin.sku.col.warehouse'), options: [{ value: '', label: t('admin.inventory.filter.everyWarehouse') }, ...stock.warehouses.map((w) => ({ value: w.code, label: w.name }))] },
            { name: 'kind', label: t('admin.sku.col.kind'), options: [{ value: '', label: t('admin.sku.everyKind') }, ...MOVEMENT_KINDS.map((k) => ({ value: k, label: tOr(`admin.movement.${k}`, k) }))] },
          ]}
        />
        {!ledger.ok ? (
          <Notice kind="error">{ledger.error}</Notice>
        ) : (
          <>
            <DataTable<Movement>
              caption={t('admin.sku.ledger')}
              rows={ledger.data.items}
              rowKey={(m) => m.id}
              empty={t('admin.sku.noMovements')}
              columns={[
                { header: t('admin.sku.col.when'), cell: (m) => staffTime(m.createdAt) },
                { header: t('admin.sku.col.kind'), cell: (m) => tOr(`admin.movement.${m.kind}`, m.kind) },
                { header: t('admin.sku.col.warehouse'), cell: (m) => warehouseName.get(m.warehouse) ?? m.warehouse, wideOnly: true },
                { header: t('admin.sku.col.onHandDelta'), cell: (m) => signed(m.onHandDelta), numeric: true },
                { header: t('admin.sku.col.reservedDelta'), cell: (m) => signed(m.reservedDelta), numeric: true },
                {
                  header: t('admin.sku.col.why'),
                  long: true,
                  cell: (m) => (
                    <>
                      {m.reason ?? ''}
                      {m.orderId ? (
                        <>
                          {m.reason ? ' · ' : ''}
                          <a href={`/admin/orders/${m.orderId}`}>{m.orderId}</a>
                        </>
                      ) : null}
                      {m.actorUserId ? (
                        <span className={s.muted}>
                          {' '}
                          · {t('admin.sku.by', { id: m.actorUserId })}
                        </span>
                      ) : null}
                    </>
                  ),
                },
              ]}
            />
            <Pager path={path} values={ledgerFilters} cursor={cursor} nextCursor={ledger.data.nextCursor} />
          </>
        )}
      </section>
    </>
  );
}
