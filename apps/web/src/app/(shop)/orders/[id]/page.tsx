import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { cancelOrder, restoreCart } from '@/actions/account';
import { AutoRefresh } from '@/components/AutoRefresh';
import { Totals } from '@/components/Totals';
import { Button, LinkButton, Notice } from '@/components/ui';
import { api, must } from '@/lib/api';
import { t, tOr } from '@/lib/i18n';
import { formatMoney } from '@/lib/money';
import { orderCookie } from '@/lib/session-cookies';
import type { Order } from '@/lib/types';
import s from './order.module.css';
import { pageNotFound } from '@/lib/runtime';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  return { title: t('order.title', { id }), description: t('order.description'), robots: { index: false }, alternates: { canonical: `/orders/${id}` } };
}

const SETTLING = new Set(['pending', 'awaiting_payment']);
const CANCELLABLE = new Set(['pending', 'awaiting_payment', 'confirmed']);
const RETRYABLE = new Set(['payment_declined', 'payment_timeout', 'out_of_stock']);
const STEPS = ['pending', 'awaiting_payment', 'confirmed', 'shipped', 'delivered'];

async function loadOrder(id: string): Promise<Order> {
  if (!/^[A-Za-z0-9_]{1,60}$/.test(id)) pageNotFound();
  const token = (await cookies()).get(orderCookie(id))?.value;
  const client = await api();
  return must(await client.GET('/api/v1/orders/{id}', { params: { path: { id }, query: token ? { token } : {} } }), 'your order');
}

const when = (iso: string) => new Date(iso).toLocaleString('en', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }) + ' UTC';

export default async function OrderPage({ params }: Props) {
  const { id } = await params;
  const order = await loadOrder(id);
  const action = order.status === 'awaiting_payment' ? order.payment?.nextActionUrl : null;
  const settling = SETTLING.has(order.status);
  const history = order.history ?? [];
  const reached = new Set<string>(history.map((h) => h.to));
  return (
    <div className={`page ${s.order}`}>
      {settling ? <AutoRefresh /> : null}
      <h1>{t('order.title', { id: order.id })}</h1>
      <p className={s.status} data-status={order.status}>
        <span className={s.badge}>{tOr(`order.status.${order.status}`, order.status)}</span>
      </p>
      {settling && !action ? (
        <Notice kind="info">
          <span className={s.spinner} aria-hidden="true" /> {t('order.progress')}
        </Notice>
      ) : null}
      {action ? (
        <Notice kind="info">
          <p>{t('order.action')}</p>
          <LinkButton href={action} target="_blank" rel="noopener">
            {t('order.actionButton')}
          </LinkButton>
          <p className={s.muted}>{t('order.actionWaiting')}</p>
        </Notice>
      ) : null}
      {order.status === 'confirmed' ? (
        <Notice kind="ok">
          <strong>{t('order.confirmed')}</strong> {order.email ? t('order.confirmedEmail', { email: order.email }) : null}
        </Notice>
      ) : null}
      {order.status === 'cancelled' && order.cancelReason ? (
        <Notice kind={order.cancelReason === 'customer' ? 'info' : 'error'}>
          <p>{tOr(`order.reason.${order.cancelReason}`, order.cancelReason)}</p>
          {RETRYABLE.has(order.cancelReason) ? (
            <form action={restoreCart}>
              <input type="hidden" name="orderId" value={order.id} />
              <Button type="submit">{t('order.retry')}</Button>
            </form>
          ) : null}
        </Notice>
      ) : null}
      {order.payment.refunded.amount > 0 || order.payment.refundPending.amount > 0 ? (
        <Notice kind="info">
          {order.payment.refunded.amount > 0 ? <p>{t('order.refunded', { amount: formatMoney(order.payment.refunded) })}</p> : null}
          {order.payment.refundPending.amount > 0 ? <p>{t('order.refundPending', { amount: formatMoney(order.payment.refundPending) })}</p> : null}
        </Notice>
      ) : null}
      <div className={s.grid}>
        <section aria-labelledby="timeline">
          <h2 id="timeline">{t('order.timeline')}</h2>
          <ol className={s.timeline}>
            {history.map((h, i) => (
              <li key={i} className={s.event}>
                <strong>{tOr(`order.status.${h.to}`, h.to)}</strong>
                <span className={s.muted}>{when(h.at)}</span>
                {h.reason ? <span className={s.muted}>{tOr(`order.why.${h.reason}`, h.reason)}</span> : null}
              </li>
            ))}
            {order.status !== 'cancelled' && order.status !== 'refunded'
              ? STEPS.filter((st) => !reached.has(st)).map((st) => (
                  <li key={st} className={`${s.event} ${s.future}`}>
                    {tOr(`order.status.${st}`, st)}
                  </li>
                ))
              : null}
          </ol>
          {order.shipment ? <p>{t('order.tracking', { carrier: order.shipment.carrier, number: order.shipment.trackingNumber })}</p> : null}
        </section>
        <section aria-labelledby="items">
          <h2 id="items">{t('order.items')}</h2>
          <ul className={s.items}>
            {order.items.map((l) => (
              <li key={l.sku}>
                <span>
                  {l.quantity} × <a href={`/p/${l.slug}`}>{l.title}</a>
                </span>
                <span>{formatMoney(l.lineTotal)}</span>
              </li>
            ))}
          </ul>
          <Totals totals={order.totals} />
          {order.shippingAddress ? (
            <>
              <h3>{t('order.shipTo')}</h3>
              <address className={s.address}>
                {[order.shippingAddress.name, order.shippingAddress.line1, order.shippingAddress.line2, order.shippingAddress.city, order.shippingAddress.postalCode, order.shippingAddress.country].filter(Boolean).join(', ')}
              </address>
            </>
          ) : null}
          {CANCELLABLE.has(order.status) ? (
            <form action={cancelOrder} className={s.cancel}>
              <input type="hidden" name="orderId" value={order.id} />
              <Button type="submit" kind="secondary">
                {t('order.cancel')}
              </Button>
            </form>
          ) : null}
        </section>
      </div>
    </div>
  );
}
