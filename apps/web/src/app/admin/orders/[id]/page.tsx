import type { Metadata } from 'next';
import a from '@/components/admin/admin.module.css';
import { ConfirmAction } from '@/components/admin/ConfirmAction';
import { StatusBadge } from '@/components/admin/StatusBadge';
import { Totals } from '@/components/Totals';
import { Notice } from '@/components/ui';
import { requireSection } from '@/lib/admin';
import { majorText, staffTime } from '@/lib/admin-money';
import { loadOrder, orderMoves } from '@/lib/admin-orders';
import { t, tOr } from '@/lib/i18n';
import { formatMoney } from '@/lib/money';
import type { Order } from '@/lib/types';
import s from '../../_ops/ops.module.css';
import { cancelOrder, deliverOrder, refundOrder, shipOrder } from '../actions';
import { pageNotFound } from '@/lib/runtime';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  return { title: t('admin.order.title', { id }), robots: { index: false } };
}

const DIALOG = { cancelLabel: t('admin.confirm.back'), workingLabel: t('admin.confirm.working') };

/** Who made a move, in words: a staff member, the customer, an event of the system, or a job. */
function actorOf(actor: string | undefined): string {
  if (!actor) return '';
  if (actor.startsWith('user:')) return t('admin.order.actor.user', { id: actor.slice(5) });
  if (actor === 'guest') return t('admin.order.actor.guest');
  if (actor.startsWith('event:')) return t('admin.order.actor.event', { type: actor.split(':')[1] ?? '' });
  if (actor.startsWith('system:')) return t('admin.order.actor.system', { job: actor.slice(7) });
  return actor;
}

type PostalAddress = NonNullable<Order['billingAddress']>;
const addressText = (x: PostalAddress) => [x.name, x.line1, x.line2, x.postalCode ? `${x.postalCode} ${x.city}` : x.city, x.region, x.country, x.phone].filter(Boolean).join(', ');

export default async function AdminOrderPage({ params }: Props) {
  const user = await requireSection('orders');
  const { id } = await params;
  if (!/^[A-Za-z0-9_]{1,60}$/.test(id)) pageNotFound();
  const order = await loadOrder(id);
  // Ship, deliver and refund are the admin's (the API says so too); support may cancel.
  const admin = user.roles.includes('admin');
  const moves = orderMoves(order);
  const p = order.payment;
  const money = (amount: number) => formatMoney({ amount, currency: order.currency });
  const anyMove = (admin && (moves.ship || moves.deliver || moves.refund)) || moves.cancel;
  return (
    <>
      <p>
        <a href="/admin/orders" className={a.smallLink}>
          {t('admin.order.back')}
        </a>
      </p>
      <div className={a.pageHead}>
        <h1>{t('admin.order.title', { id: order.id })}</h1>
        <StatusBadge status={order.status} />
      </div>
      <p className={a.muted}>{t('admin.order.placed', { when: staffTime(order.createdAt), email: order.email })}</p>
      {order.cancelReason ? <Notice>{t('admin.order.cancelReason', { reason: tOr(`admin.why.${order.cancelReason}`, order.cancelReason) })}</Notice> : null}
      {anyMove ? (
        <section className={a.panel} aria-labelledby="moves">
          <h2 id="moves">{t('admin.order.moves')}</h2>
          <div className={a.actions}>
            {admin && moves.ship ? (
              <ConfirmAction
                action={shipOrder}
                label={t('admin.order.ship')}
                title={t('admin.order.ship.confirmTitle')}
                body={t('admin.order.ship.confirmBody', { email: order.email })}
                confirmLabel={t('admin.order.ship')}
                hidden={{ orderId: order.id }}
                fields={[
                  { name: 'carrier', label: t('admin.order.carrier'), required: true, maxLength: 100 },
                  { name: 'trackingNumber', label: t('admin.order.trackingNumber'), required: true, maxLength: 100 },
                ]}
                {...DIALOG}
              />
            ) : null}
            {admin && moves.deliver ? (
              <ConfirmAction
                action={deliverOrder}
                label={t('admin.order.deliver')}
                title={t('admin.order.deliver.confirmTitle')}
                body={t('admin.order.deliver.confirmBody')}
                confirmLabel={t('admin.order.deliver')}
                hidden={{ orderId: order.id }}
                {...DIALOG}
              />
            ) : null}
            {admin && moves.refund ? (
              <ConfirmAction
                action={refundOrder}
                label={t('admin.order.refund')}
                title={t('admin.order.refund.confirmTitle')}
                body={t('admin.order.refund.confirmBody', { refundable: money(moves.refundable) })}
                confirmLabel={t('admin.order.refund')}
                hidden={{ orderId: order.id, currency: order.currency }}
                fields={[
                  { name: 'amount', label: t('admin.order.refund.amount', { currency: order.currency }), inputMode: 'decimal', hint: t('admin.order.refund.amountHint', { max: majorText(moves.refundable, order.currency) }) },
                  { name: 'reason', label: t('admin.order.refund.reason'), maxLength: 500 },
                ]}
                danger
                {...DIALOG}
              />
            ) : null}
            {moves.cancel ? (
              <ConfirmAction
                action={cancelOrder}
                label={t('admin.order.cancel')}
                title={t('admin.order.cancel.confirmTitle')}
                body={t('admin.order.cancel.confirmBody')}
                confirmLabel={t('admin.order.cancel')}
                hidden={{ orderId: order.id }}
                danger
                {...DIALOG}
              />
            ) : null}
          </div>
        </section>
      ) : null}
      <div className={s.split}>
        <div>
          <section className={a.panel} aria-labelledby="lines">
            <h2 id="lines">{t('admin.order.lines')}</h2>
            <div className={a.tableWrap}>
              <table className={a.table}>
                <caption className="visually-hidden">{t('admin.order.lines')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('admin.order.col.item')}</th>
                    <th scope="col">{t('admin.order.col.sku')}</th>
                    <th scope="col" className={a.num}>
                      {t('admin.order.col.qty')}
                    </th>
                    <th scope="col" className={`${a.num} ${a.wideOnly}`}>
                      {t('admin.order.col.unit')}
                    </th>
                    <th scope="col" className={a.num}>
                      {t('admin.order.col.total')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {order.items.map((l) => (
                    <tr key={l.sku}>
                      <td>{l.title}</td>
                      <td>
                        <a href={`/admin/inventory/${encodeURIComponent(l.sku)}`}>{l.sku}</a>
                      </td>
                      <td className={a.num}>{l.quantity}</td>
                      <td className={`${a.num} ${a.wideOnly}`}>{formatMoney(l.unitPrice)}</td>
                      <td className={a.num}>{formatMoney(l.lineTotal)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Totals totals={order.totals} />
          </section>
          <section className={a.panel} aria-labelledby="payment">
            <h2 id="payment">{t('admin.order.payment')}</h2>
            <dl className={s.kv}>
              <dt>{t('admin.order.payment.status')}</dt>
              <dd>
                <StatusBadge status={p.status} label={tOr(`admin.payment.${p.status}`, p.status)} />
              </dd>
              <dt>{t('admin.order.payment.provider')}</dt>
              <dd>{p.provider}</dd>
              {p.paymentId ? (
                <>
                  <dt>{t('admin.order.payment.id')}</dt>
                  <dd>{p.paymentId}</dd>
                </>
              ) : null}
              <dt>{t('admin.order.payment.paid')}</dt>
              <dd>{formatMoney(p.paid)}</dd>
              <dt>{t('admin.order.payment.refunded')}</dt>
              <dd>{formatMoney(p.refunded)}</dd>
              {p.refundPending.amount > 0 ? (
                <>
                  <dt>{t('admin.order.payment.pending')}</dt>
                  <dd>{formatMoney(p.refundPending)}</dd>
                </>
              ) : null}
              <dt>{t('admin.order.payment.refundable')}</dt>
              <dd>{money(moves.refundable)}</dd>
            </dl>
            {order.refunds && order.refunds.length > 0 ? (
              <>
                <h3>{t('admin.order.refunds')}</h3>
                <ul>
                  {order.refunds.map((r) => (
                    <li key={r.id}>
                      {t('admin.order.refundLine', { amount: formatMoney(r.amount), status: tOr(`admin.refund.${r.status}`, r.status), when: staffTime(r.refundedAt ?? r.requestedAt), reason: r.reason })}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </section>
          <section className={a.panel} aria-labelledby="addresses">
            <h2 id="addresses">{t('admin.order.addresses')}</h2>
            <dl className={s.kv}>
              <dt>{t('admin.order.shipTo')}</dt>
              <dd>
                <address className={s.address}>{addressText(order.shippingAddress)}</address>
              </dd>
              <dt>{t('admin.order.billTo')}</dt>
              <dd>
                <address className={s.address}>{order.billingAddress ? addressText(order.billingAddress) : t('admin.order.sameAddress')}</address>
              </dd>
              {order.shipment ? (
                <>
                  <dt>{t('admin.order.shipment')}</dt>
                  <dd>
                    {t('order.tracking', { carrier: order.shipment.carrier, number: order.shipment.trackingNumber })}
                    {order.shipment.deliveredAt ? ` · ${t('admin.order.deliveredAt', { when: staffTime(order.shipment.deliveredAt) })}` : ''}
                  </dd>
                </>
              ) : null}
            </dl>
          </section>
        </div>
        <section className={a.panel} aria-labelledby="history">
          <h2 id="history">{t('admin.order.history')}</h2>
          <ol className={s.timeline}>
            {(order.history ?? []).map((h, i) => (
              <li key={i} className={s.event}>
                <strong>{tOr(`admin.status.${h.to}`, h.to)}</strong>
                <span className={s.muted}>{staffTime(h.at)}</span>
                {h.reason ? <span className={s.muted}>{tOr(`admin.why.${h.reason}`, h.reason)}</span> : null}
                {h.actor ? <span className={s.muted}>{actorOf(h.actor)}</span> : null}
              </li>
            ))}
          </ol>
        </section>
      </div>
    </>
  );
}
