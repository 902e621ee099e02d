import type { Metadata } from 'next';
import { removeLine, setCountry, updateLine } from '@/actions/cart';
import { AutoSubmitSelect } from '@/components/AutoSubmitSelect';
import { EmptyCart, Totals } from '@/components/Totals';
import { Button, LinkButton, Notice, ui } from '@/components/ui';
import { currentCart } from '@/lib/cart';
import { t, tOr } from '@/lib/i18n';
import { formatMoney } from '@/lib/money';
import { chosenCountry, COUNTRIES } from '@/lib/shop';
import type { CartLine } from '@/lib/types';
import s from './cart.module.css';

export const metadata: Metadata = {
  title: t('cart.title'),
  description: t('cart.description'),
  alternates: { canonical: '/cart' },
  robots: { index: false },
  openGraph: { title: t('cart.title'), url: '/cart' },
};

/** What is wrong with a line, in words (or nothing). */
function lineProblem(line: CartLine, currency: string): string | undefined {
  const extra = line as CartLine & { availableQuantity?: number | null };
  if (!line.available) return tOr(`cart.unavailable.${line.unavailableReason ?? 'product_unavailable'}`, t('cart.unavailable.product_unavailable'), { currency });
  if (typeof extra.availableQuantity === 'number' && extra.availableQuantity < line.quantity) return t('cart.unavailable.quantity', { available: extra.availableQuantity });
  return undefined;
}

export default async function CartPage() {
  const [cart, country] = await Promise.all([currentCart(), chosenCountry()]);
  if (!cart || cart.items.length === 0) {
    return <EmptyCart title={t('cart.title')} body={t('cart.empty')} />;
  }
  const problems = cart.items.map((l) => lineProblem(l, cart.currency));
  const blocked = problems.some(Boolean);
  const shipTo = cart.shippingCountry ?? country;
  return (
    <div className={`page ${s.cart}`}>
      <h1>{t('cart.title')}</h1>
      <ul className={s.lines}>
        {cart.items.map((line, i) => (
          <li key={line.sku} className={s.line}>
            <div className={s.info}>
              <a href={line.slug ? `/p/${line.slug}` : '#'} className={s.title}>
                {line.title ?? line.sku}
              </a>
              <span className={s.sku}>{line.sku}</span>
              {line.unitPrice ? <span>{formatMoney(line.unitPrice)}</span> : null}
              {line.priceChanged && line.previousUnitPrice && line.unitPrice ? (
                <Notice kind="info">{t('cart.priceChanged', { before: formatMoney(line.previousUnitPrice), after: formatMoney(line.unitPrice) })}</Notice>
              ) : null}
              {problems[i] ? <Notice kind="error">{problems[i]}</Notice> : null}
            </div>
            <form action={updateLine} className={s.qtyForm}>
              <input type="hidden" name="sku" value={line.sku} />
              <label htmlFor={`q-${i}`} className="visually-hidden">
                {t('cart.quantity', { title: line.title ?? line.sku })}
              </label>
              <input id={`q-${i}`} name="quantity" type="number" min={0} max={99} defaultValue={line.quantity} className={ui.qty} />
              <Button type="submit" kind="secondary">
                {t('cart.update')}
              </Button>
            </form>
            <form action={removeLine} className={s.remove}>
              <input type="hidden" name="sku" value={line.sku} />
              <Button type="submit" kind="link" aria-label={t('cart.removeItem', { title: line.title ?? line.sku })}>
                {t('cart.remove')}
              </Button>
            </form>
            <span className={s.lineTotal}>{line.lineTotal ? formatMoney(line.lineTotal) : '—'}</span>
          </li>
        ))}
      </ul>
      <aside className={s.summary} aria-labelledby="summary">
        <h2 id="summary">{t('cart.summary')}</h2>
        <form action={setCountry} className={s.country}>
          <input type="hidden" name="returnTo" value="/cart" />
          <label htmlFor="country">{t('cart.country')}</label>
          <AutoSubmitSelect id="country" name="country" defaultValue={shipTo ?? ''} options={shipTo ? COUNTRIES : ['', ...COUNTRIES]} labels={{ '': t('cart.shippingUnknown') }} applyLabel={t('cart.countryApply')} className={ui.select} />
        </form>
        <Totals totals={cart.totals} />
        {blocked ? <Notice kind="error">{t('cart.fixFirst')}</Notice> : <LinkButton href="/checkout">{t('cart.checkout')}</LinkButton>}
      </aside>
    </div>
  );
}
