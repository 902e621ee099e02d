import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Totals } from '@/components/Totals';
import { Notice } from '@/components/ui';
import { majorText, staffTime } from '@/lib/admin-money';
import { loadOrder, orderMoves } from '@/lib/admin-orders';
import { t, tOr } from '@/lib/i18n';
import { formatMoney } from '@/lib/money';
import { currentUser } from '@/lib/session';
import { OpForm } from '../../_ops/OpForm';
import s from '../../_ops/ops.module.css';
import { cancelOrder, deliverOrder, refundOrder, shipOrder } from '../actions';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  return { title: t('admin.order.title', { id }), robots: { index: false } };
}

const CONFIRM = { cancel: t('admin.confirm.back') };

/** Who made a move, in words: a staff member, the customer, an event of the system, or a job. */
function actorOf(actor: string | undefined): string {
  if (!actor) return '';
  if (actor.startsWith('user:')) return t('admin.order.actor.user', { id: actor.slice(5) });
  if (actor === 'guest') return t('admin.order.actor.guest');
  if (actor.startsWith('event:')) return t('admin.order.actor.event', { type: actor.split(':')[1] ?? '' });
  if (actor.startsWith('system:')) return t('admin.order.actor.system', { job: actor.slice(7) });
  return actor;
}

export default async function AdminOrderPage({ params }: Props) {
  const { id } = await params;
  if (!/^[A-Za-z0-9_]{1,60}$/.test(id)) notFound();
  const [order, me] = await Promise.all([loadOrder(id), currentUser()]);
  const admin = me?.roles.includes('admin') ?? false;
  const moves = orderMoves(order);
  const p = order.payment;
  const money = (amount: number) => formatMoney({ amount, currency: order.currency });
  const address = (a: NonNullable<typeof order.billingAddress>) =>
    [a.name, a.line1, a.line2, a.postalCode ? `${a.postalCode} ${a.city}` : a.city, a.region, a.country, a.phone].filter(Boolean).join(', ');
  return (
    <div className={s.stack}>
      <p>
        <a href="/admin/orders">{t('admin.order.back')}</a>
      </p>
      <h1>{t('admin.order.title', { id: order.id })}</h1>
      <p>
        <span className={s.pill} data-status={order.status}>
          {tOr(`order.status.${order.status}`, order.status)}
        </span>{' '}
        <span className={s.muted}>{t('admin.order.placed', { when: staffTime(order.createdAt), email: order.email })}</span>
      </p>
      {order.cancelReason ? <Notice>{t('admin.order.cancelReason', { reason: tOr(`admin.why.${order.cancelReason}`, order.cancelReason) })}</Notice> : null}
      <div className={s.grid}>
        <div className={s.stack}>
          <section className={s.section} aria-labelledby="lines">
            <h2 id="lines">{t('admin.order.lines')}</h2>
            <div className={s.tableWrap}>
              <table className={s.table}>
                <thead>
                  <tr>
                    <th scope="col">{t('admin.order.col.item')}</th>
                    <th scope="col">{t('admin.order.col.sku')}</th>
                    <th scope="col" className={s.num}>
                      {t('admin.order.col.qty')}
                    </th>
                    <th scope="col" className={s.num}>
                      {t('admin.order.col.unit')}
                    </th>
                    <th scope="col" className={s.num}>
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
                      <td className={s.num}>{l.quantity}</td>
                      <td className={s.num}>{formatMoney(l.unitPrice)}</td>
                      <td className={s.num}>{formatMoney(l.lineTotal)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Totals totals={order.totals} />
          </section>
          <section className={s.section} aria-labelledby="payment">
            <h2 id="payment">{t('admin.order.payment')}</h2>
            <dl className={s.kv}>
              <dt>{t('admin.order.payment.status')}</dt>
              <dd>{tOr(`admin.payment.${p.status}`, p.status)}</dd>
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
          <section className={s.section} aria-labelledby="addresses">
            <h2 id="addresses">{t('admin.order.addresses')}</h2>
            <dl className={s.kv}>
              <dt>{t('admin.order.shipTo')}</dt>
              <dd>
                <address className={s.address}>{address(order.shippingAddress)}</address>
              </dd>
              <dt>{t('admin.order.billTo')}</dt>
              <dd>
                <address className={s.address}>{order.billingAddress ? address(order.billingAddress) : t('admin.order.sameAddress')}</address>
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
        <div className={s.stack}>
          <section className={s.section} aria-labelledby="history">
            <h2 id="history">{t('admin.order.history')}</h2>
            <ol className={s.timeline}>
              {(order.history ?? []).map((h, i) => (
                <li key={i} className={s.event}>
                  <strong>{tOr(`order.status.${h.to}`, h.to)}</strong>
                  <span className={s.muted}>{staffTime(h.at)}</span>
                  {h.reason ? <span className={s.muted}>{tOr(`admin.why.${h.reason}`, h.reason)}</span> : null}
                  {h.actor ? <span className={s.muted}>{actorOf(h.actor)}</span> : null}
                </li>
              ))}
            </ol>
          </section>
          {admin && moves.ship ? (
            <section className={s.section} aria-labelledby="ship">
              <h2 id="ship">{t('admin.order.ship')}</h2>
              <OpForm
                action={shipOrder}
                hidden={{ orderId: order.id }}
                fields={[
                  { name: 'carrier', label: t('admin.order.carrier'), required: true, maxLength: 100 },
                  { name: 'trackingNumber', label: t('admin.order.trackingNumber'), required: true, maxLength: 100 },
                ]}
                submit={t('admin.order.ship')}
                confirm={{ title: t('admin.order.ship.confirmTitle'), body: t('admin.order.ship.confirmBody', { email: order.email }), confirm: t('admin.order.ship'), ...CONFIRM }}
              />
            </section>
          ) : null}
          {admin && moves.deliver ? (
            <section className={s.section} aria-labelledby="deliver">
              <h2 id="deliver">{t('admin.order.deliver')}</h2>
              <OpForm
                action={deliverOrder}
                hidden={{ orderId: order.id }}
                submit={t('admin.order.deliver')}
                confirm={{ title: t('admin.order.deliver.confirmTitle'), body: t('admin.order.deliver.confirmBody'), confirm: t('admin.order.deliver'), ...CONFIRM }}
              />
            </section>
          ) : null}
          {admin && moves.refund ? (
            <section className={s.section} aria-labelledby="refund">
              <h2 id="refund">{t('admin.order.refund')}</h2>
              <p className={s.muted}>{t('admin.order.refund.help', { refundable: money(moves.refundable) })}</p>
              <OpForm
                action={refundOrder}
                hidden={{ orderId: order.id, currency: order.currency }}
                fields={[
                  { name: 'amount', label: t('admin.order.refund.amount', { currency: order.currency }), inputMode: 'decimal', hint: t('admin.order.refund.amountHint', { max: majorText(moves.refundable, order.currency) }) },
                  { name: 'reason', label: t('admin.order.refund.reason'), maxLength: 500 },
                ]}
                submit={t('admin.order.refund')}
                confirm={{
                  title: t('admin.order.refund.confirmTitle'),
                  body: t('admin.order.refund.confirmFull', { amount: money(moves.refundable) }),
                  whenFilled: { field: 'amount', body: t('admin.order.refund.confirmPart', { amount: `{value} ${order.currency}` }) },
                  confirm: t('admin.order.refund'),
                  ...CONFIRM,
                }}
              />
            </section>
          ) : null}
          {moves.cancel ? (
            <section className={s.section} aria-labelledby="cancel">
              <h2 id="cancel">{t('admin.order.cancel')}</h2>
              <p className={s.muted}>{t('admin.order.cancel.help')}</p>
              <OpForm
                action={cancelOrder}
                hidden={{ orderId: order.id }}
                kind="secondary"
                submit={t('admin.order.cancel')}
                confirm={{ title: t('admin.order.cancel.confirmTitle'), body: t('admin.order.cancel.confirmBody'), confirm: t('admin.order.cancel'), ...CONFIRM }}
              />
            </section>
          ) : null}
        </div>
      </div>
    </div>
  );
}
