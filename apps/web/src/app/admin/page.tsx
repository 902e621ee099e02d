import type { Metadata } from 'next';
import { BarChart } from '@/components/admin/BarChart';
import { DataTable } from '@/components/admin/DataTable';
import { StatusBadge } from '@/components/admin/StatusBadge';
import s from '@/components/admin/admin.module.css';
import { adminApi, maybe, mayUse, requireSection, sectionsFor } from '@/lib/admin';
import { t, type MessageKey } from '@/lib/i18n';
import { formatMoney } from '@/lib/money';

export const metadata: Metadata = { title: t('admin.dashboard.title') };

const dayLabel = (iso: string) => new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const percent = (r: number | null) => (r === null ? '–' : `${(r * 100).toFixed(1)} %`);
const when = (iso: string) => new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

/**
 * The shop at a glance: revenue and orders per day over the last 30 days per currency (from
 * GET /orders/stats), average order value, checkout → confirmed conversion, orders by status,
 * low-stock SKUs and the latest orders. Each panel appears for the roles whose API allows it.
 */
export default async function DashboardPage() {
  const user = await requireSection('dashboard');
  const api = await adminApi();
  const sales = mayUse(user.roles, 'orders');
  const stock = mayUse(user.roles, 'inventory');
  const [stats, latest, low] = await Promise.all([
    sales ? api.GET('/api/v1/orders/stats', { params: { query: { interval: 'day' } } }).then(maybe) : undefined,
    sales ? api.GET('/api/v1/orders', { params: { query: { limit: 8 } } }).then(maybe) : undefined,
    stock ? api.GET('/api/v1/inventory', { params: { query: { lowStock: true, limit: 10, sort: 'available' } } }).then(maybe) : undefined,
  ]);
  const sections = sectionsFor(user.roles).filter((sec) => sec.key !== 'dashboard');
  return (
    <>
      <div className={s.pageHead}>
        <h1>{t('admin.dashboard.title')}</h1>
        {stats ? <p className={s.muted}>{t('admin.dashboard.range', { from: dayLabel(stats.from), to: dayLabel(stats.to), zone: stats.timeZone })}</p> : null}
      </div>

      {sales && !stats ? <p className={s.muted}>{t('admin.dashboard.statsUnavailable')}</p> : null}
      {stats ? (
        <>
          <div className={s.grid}>
            <div className={s.panel}>
              <p className={s.figureLabel}>{t('admin.dashboard.orders')}</p>
              <p className={s.figure}>{stats.orders}</p>
            </div>
            <div className={s.panel}>
              <p className={s.figureLabel}>{t('admin.dashboard.conversion')}</p>
              <p className={s.figure}>{percent(stats.conversionRate)}</p>
              <p className={s.figureLabel}>{t('admin.dashboard.confirmedOf', { confirmed: stats.confirmedOrders, orders: stats.orders })}</p>
            </div>
            {stats.currencies.map((c) => (
              <div className={s.panel} key={c.currency}>
                <p className={s.figureLabel}>{t('admin.dashboard.revenueIn', { currency: c.currency })}</p>
                <p className={s.figure}>{formatMoney(c.netRevenue)}</p>
                <p className={s.figureLabel}>
                  {t('admin.dashboard.aov', { value: c.averageOrderValue ? formatMoney(c.averageOrderValue) : '–' })}
                  {c.refunded.amount > 0 ? ` · ${t('admin.dashboard.refunded', { value: formatMoney(c.refunded) })}` : ''}
                </p>
              </div>
            ))}
          </div>
          {stats.currencies.map((c) => (
            <section className={s.panel} key={c.currency} aria-label={t('admin.dashboard.perDay', { currency: c.currency })}>
              <div className={s.grid}>
                <BarChart
                  id={`rev-${c.currency}`}
                  title={t('admin.dashboard.revenueChart', { currency: c.currency })}
                  labelHeader={t('admin.dashboard.day')}
                  valueHeader={t('admin.dashboard.revenue')}
                  bars={c.series.map((p) => ({ label: dayLabel(p.start), value: p.revenue.amount, text: formatMoney(p.revenue) }))}
                />
                <BarChart
                  id={`ord-${c.currency}`}
                  title={t('admin.dashboard.ordersChart', { currency: c.currency })}
                  labelHeader={t('admin.dashboard.day')}
                  valueHeader={t('admin.dashboard.orders')}
                  bars={c.series.map((p) => ({ label: dayLabel(p.start), value: p.orders, text: String(p.orders) }))}
                />
              </div>
            </section>
          ))}
          {stats.currencies.length === 0 ? <p className={s.empty}>{t('admin.dashboard.noOrders')}</p> : null}
        </>
      ) : null}

      <div className={s.grid}>
        {stats ? (
          <section className={s.panel} aria-labelledby="by-status">
            <h2 id="by-status">{t('admin.dashboard.byStatus')}</h2>
            <DataTable
              caption={t('admin.dashboard.byStatus')}
              rows={stats.byStatus.filter((b) => b.count > 0)}
              rowKey={(b) => b.status}
              columns={[
                { header: t('admin.dashboard.status'), cell: (b) => <StatusBadge status={b.status} /> },
                { header: t('admin.dashboard.orders'), cell: (b) => b.count, numeric: true },
              ]}
            />
          </section>
        ) : null}
        {low ? (
          <section className={s.panel} aria-labelledby="low-stock">
            <h2 id="low-stock">{t('admin.dashboard.lowStock')}</h2>
            <DataTable
              caption={t('admin.dashboard.lowStock')}
              rows={low.items}
              rowKey={(i) => i.sku}
              empty={t('admin.dashboard.noLowStock')}
              columns={[
                { header: t('admin.dashboard.sku'), cell: (i) => (mayUse(user.roles, 'inventory') ? <a href={`/admin/inventory/${encodeURIComponent(i.sku)}`}>{i.sku}</a> : i.sku) },
                { header: t('admin.dashboard.available'), cell: (i) => i.available, numeric: true },
                { header: t('admin.dashboard.threshold'), cell: (i) => i.threshold, numeric: true },
              ]}
            />
          </section>
        ) : null}
      </div>

      {latest ? (
        <section className={s.panel} aria-labelledby="latest">
          <h2 id="latest">{t('admin.dashboard.latest')}</h2>
          <DataTable
            caption={t('admin.dashboard.latest')}
            rows={latest.items}
            rowKey={(o) => o.id}
            empty={t('admin.dashboard.noOrders')}
            columns={[
              { header: t('admin.dashboard.order'), cell: (o) => <a href={`/admin/orders/${o.id}`}>{o.id}</a>, long: true },
              { header: t('admin.dashboard.customer'), cell: (o) => o.email, wideOnly: true },
              { header: t('admin.dashboard.placed'), cell: (o) => when(o.createdAt), wideOnly: true },
              { header: t('admin.dashboard.status'), cell: (o) => <StatusBadge status={o.status} /> },
              { header: t('admin.dashboard.total'), cell: (o) => formatMoney(o.totals.total), numeric: true },
            ]}
          />
        </section>
      ) : null}

      <section aria-labelledby="welcome">
        <h2 id="welcome">{t('admin.dashboard.welcome')}</h2>
        <ul className={s.sectionList}>
          {sections.map((sec) => (
            <li key={sec.key}>
              <a href={sec.href}>
                <strong>{t(`admin.nav.${sec.key}` as MessageKey)}</strong>
                <span className={s.muted}>{t(`admin.section.${sec.key}` as MessageKey)}</span>
              </a>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
