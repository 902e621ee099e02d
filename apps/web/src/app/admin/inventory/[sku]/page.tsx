import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Notice } from '@/components/ui';
import { staffTime } from '@/lib/admin-money';
import { loadLedger, loadSku, MOVEMENT_KINDS } from '@/lib/admin-inventory';
import { t, tOr } from '@/lib/i18n';
import { currentUser } from '@/lib/session';
import { OpForm } from '../../_ops/OpForm';
import s from '../../_ops/ops.module.css';
import { adjustStock, setThreshold } from '../actions';

type Props = { params: Promise<{ sku: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { sku } = await params;
  return { title: t('admin.sku.title', { sku: decodeURIComponent(sku) }), robots: { index: false } };
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim().slice(0, 200) || undefined;

/** One SKU: its levels per warehouse, an adjustment with its reason, its threshold, its ledger. */
export default async function SkuPage({ params, searchParams }: Props) {
  const sku = decodeURIComponent((await params).sku);
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(sku)) notFound();
  const q = await searchParams;
  const ledgerFilters = { warehouse: one(q.warehouse), kind: one(q.kind), cursor: one(q.cursor) };
  const [stock, ledger, me] = await Promise.all([loadSku(sku), loadLedger(sku, ledgerFilters), currentUser()]);
  const canWrite = me?.roles.some((r) => r === 'admin' || r === 'catalog_manager') ?? false;
  const ledgerHref = (change: Record<string, string | undefined>) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...ledgerFilters, ...change })) if (v) p.set(k, v);
    const s2 = p.toString();
    return `/admin/inventory/${encodeURIComponent(sku)}${s2 ? `?${s2}` : ''}#ledger`;
  };
  const warehouseName = new Map(stock.warehouses.map((w) => [w.code, w.name]));
  return (
    <div className={s.stack}>
      <p>
        <a href="/admin/inventory">{t('admin.sku.back')}</a>
      </p>
      <h1>{t('admin.sku.title', { sku })}</h1>
      {stock.available <= stock.threshold ? <Notice kind="error">{t('admin.sku.low', { available: stock.available, threshold: stock.threshold })}</Notice> : null}
      {stock.discontinued ? <Notice>{t('admin.sku.discontinued')}</Notice> : null}
      <div className={s.grid}>
        <section className={s.section} aria-labelledby="levels">
          <h2 id="levels">{t('admin.sku.levels')}</h2>
          <div className={s.tableWrap}>
            <table className={s.table}>
              <thead>
                <tr>
                  <th scope="col">{t('admin.sku.col.warehouse')}</th>
                  <th scope="col" className={s.num}>
                    {t('admin.inventory.col.onHand')}
                  </th>
                  <th scope="col" className={s.num}>
                    {t('admin.inventory.col.reserved')}
                  </th>
                  <th scope="col" className={s.num}>
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
                    <td className={s.num}>{w.onHand}</td>
                    <td className={s.num}>{w.reserved}</td>
                    <td className={s.num}>{w.available}</td>
                  </tr>
                ))}
                <tr>
                  <th scope="row">{t('admin.sku.total')}</th>
                  <td className={s.num}>{stock.onHand}</td>
                  <td className={s.num}>{stock.reserved}</td>
                  <td className={`${s.num} ${stock.available <= stock.threshold ? s.low : ''}`}>{stock.available}</td>
                </tr>
              </tbody>
            </table>
          </div>
          <p className={s.muted}>{t('admin.sku.thresholdNow', { threshold: stock.threshold })}</p>
        </section>
        {canWrite ? (
          <div className={s.stack}>
            <section className={s.section} aria-labelledby="adjust">
              <h2 id="adjust">{t('admin.sku.adjust')}</h2>
              <OpForm
                action={adjustStock}
                hidden={{ sku }}
                fields={[
                  { name: 'warehouse', label: t('admin.sku.warehouse'), options: stock.warehouses.map((w) => ({ value: w.code, label: w.name })), defaultValue: stock.warehouses[0]?.code },
                  { name: 'delta', label: t('admin.sku.delta'), inputMode: 'numeric', hint: t('admin.sku.deltaHint'), required: true },
                  { name: 'reason', label: t('admin.sku.reason'), hint: t('admin.sku.reasonHint'), required: true, maxLength: 500 },
                ]}
                submit={t('admin.sku.adjust')}
                confirm={{ title: t('admin.sku.adjust.confirmTitle'), body: t('admin.sku.adjust.confirmBody', { sku }), whenFilled: { field: 'delta', body: t('admin.sku.adjust.confirmDelta', { sku, delta: '{value}' }) }, confirm: t('admin.sku.adjust'), cancel: t('admin.confirm.back') }}
              />
            </section>
            <section className={s.section} aria-labelledby="threshold">
              <h2 id="threshold">{t('admin.sku.threshold')}</h2>
              <OpForm
                action={setThreshold}
                hidden={{ sku }}
                fields={[{ name: 'threshold', label: t('admin.sku.thresholdField'), inputMode: 'numeric', defaultValue: String(stock.threshold), hint: t('admin.sku.thresholdHint'), required: true }]}
                submit={t('admin.sku.thresholdSave')}
                kind="secondary"
              />
            </section>
          </div>
        ) : null}
      </div>
      <section className={s.section} aria-labelledby="ledger" id="ledger-section">
        <h2 id="ledger">{t('admin.sku.ledger')}</h2>
        <form method="get" action={`/admin/inventory/${encodeURIComponent(sku)}#ledger`} className={s.inlineForm} aria-label={t('admin.sku.ledgerFilter')}>
          <label>
            <span className="visually-hidden">{t('admin.sku.col.warehouse')}</span>
            <select name="warehouse" defaultValue={ledgerFilters.warehouse ?? ''} className={s.select} aria-label={t('admin.sku.col.warehouse')}>
              <option value="">{t('admin.inventory.filter.everyWarehouse')}</option>
              {stock.warehouses.map((w) => (
                <option key={w.code} value={w.code}>
                  {w.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span className="visually-hidden">{t('admin.sku.col.kind')}</span>
            <select name="kind" defaultValue={ledgerFilters.kind ?? ''} className={s.select} aria-label={t('admin.sku.col.kind')}>
              <option value="">{t('admin.sku.everyKind')}</option>
              {MOVEMENT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {tOr(`admin.movement.${k}`, k)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className={s.smallButton}>
            {t('admin.filter.apply')}
          </button>
        </form>
        {!ledger.ok ? (
          <Notice kind="error">{ledger.error}</Notice>
        ) : ledger.data.items.length === 0 ? (
          <Notice>{t('admin.sku.noMovements')}</Notice>
        ) : (
          <>
            <div className={s.tableWrap}>
              <table className={s.table}>
                <thead>
                  <tr>
                    <th scope="col">{t('admin.sku.col.when')}</th>
                    <th scope="col">{t('admin.sku.col.kind')}</th>
                    <th scope="col">{t('admin.sku.col.warehouse')}</th>
                    <th scope="col" className={s.num}>
                      {t('admin.sku.col.onHandDelta')}
                    </th>
                    <th scope="col" className={s.num}>
                      {t('admin.sku.col.reservedDelta')}
                    </th>
                    <th scope="col">{t('admin.sku.col.why')}</th>
                  </tr>
                </thead>
                <tbody>
                  {ledger.data.items.map((m) => (
                    <tr key={m.id}>
                      <td>{staffTime(m.createdAt)}</td>
                      <td>{tOr(`admin.movement.${m.kind}`, m.kind)}</td>
                      <td>{warehouseName.get(m.warehouse) ?? m.warehouse}</td>
                      <td className={s.num}>{m.onHandDelta > 0 ? `+${m.onHandDelta}` : m.onHandDelta}</td>
                      <td className={s.num}>{m.reservedDelta > 0 ? `+${m.reservedDelta}` : m.reservedDelta}</td>
                      <td>
                        {m.reason ?? ''}
                        {m.orderId ? (
                          <>
                            {m.reason ? ' · ' : ''}
                            <a href={`/admin/orders/${m.orderId}`}>{m.orderId}</a>
                          </>
                        ) : null}
                        {m.actorUserId ? <span className={s.muted}> · {t('admin.sku.by', { id: m.actorUserId })}</span> : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <nav className={s.pager} aria-label={t('admin.pager.label')}>
              {ledgerFilters.cursor ? <a href={ledgerHref({ cursor: undefined })}>{t('admin.pager.first')}</a> : <span />}
              {ledger.data.nextCursor ? (
                <a href={ledgerHref({ cursor: ledger.data.nextCursor })} rel="next">
                  {t('admin.pager.next')}
                </a>
              ) : null}
            </nav>
          </>
        )}
      </section>
    </div>
  );
}
