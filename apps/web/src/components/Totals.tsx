import { t } from '@/lib/i18n';
import { formatMoney, type Money } from '@/lib/money';
import { LinkButton } from './ui';
import s from './ui.module.css';

/** Subtotal, shipping, tax and total of a cart or an order. */
export function Totals({ totals }: { totals: { subtotal: Money; shipping?: Money | null; tax?: Money | null; total: Money } }) {
  return (
    <dl className={s.totals}>
      <dt>{t('cart.subtotal')}</dt>
      <dd>{formatMoney(totals.subtotal)}</dd>
      <dt>{t('cart.shipping')}</dt>
      <dd>{totals.shipping ? formatMoney(totals.shipping) : t('cart.shippingUnknown')}</dd>
      <dt>{t('cart.tax')}</dt>
      <dd>{totals.tax ? formatMoney(totals.tax) : '—'}</dd>
      <dt className={s.total}>{t('cart.total')}</dt>
      <dd className={s.total}>{formatMoney(totals.total)}</dd>
    </dl>
  );
}

/** A page with nothing to show for want of a cart: its title, why, and the way back to the shop. */
export function EmptyCart({ title, body }: { title: string; body: string }) {
  return (
    <div className="page">
      <h1>{title}</h1>
      <p>{body}</p>
      <LinkButton href="/">{t('cart.continue')}</LinkButton>
    </div>
  );
}
