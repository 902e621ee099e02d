import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import { CheckoutForm } from '@/components/CheckoutForm';
import { CHECKOUT_TEXT, type CheckoutText } from '@/lib/checkout-text';
import { EmptyCart, Totals } from '@/components/Totals';
import { api, optional } from '@/lib/api';
import { currentCart } from '@/lib/cart';
import { t, tOr } from '@/lib/i18n';
import { formatMoney } from '@/lib/money';
import { currentUser } from '@/lib/session';
import { chosenCountry, COUNTRIES, paymentProviders } from '@/lib/shop';
import s from '../cart/cart.module.css';

export const metadata: Metadata = {
  title: t('checkout.title'),
  description: t('checkout.description'),
  alternates: { canonical: '/checkout' },
  robots: { index: false },
  openGraph: { title: t('checkout.title'), url: '/checkout' },
};

const countryName = new Intl.DisplayNames(['en'], { type: 'region' });

export default async function CheckoutPage() {
  const [cart, user, country, providers] = await Promise.all([currentCart(), currentUser(), chosenCountry(), paymentProviders()]);
  if (!cart || cart.items.length === 0) {
    return <EmptyCart title={t('checkout.title')} body={t('checkout.empty')} />;
  }
  const addresses = user ? (optional(await (await api()).GET('/api/v1/users/me/addresses'))?.items ?? []) : [];
  // The sandbox's test cards (our words for the three the issue names, the service's for others);
  // Stripe and Razorpay only when the shop has them configured.
  const payments = providers.providers.flatMap((p) =>
    p.name === 'sandbox'
      ? (p.paymentMethods ?? []).map((c) => ({
          value: `sandbox:${c.id}`,
          label: tOr(`checkout.card.${c.id}`, [c.brand, c.last4 ? `•••• ${c.last4}` : '', c.description ?? c.outcome].filter(Boolean).join(' — ') || c.id),
          group: 'sandbox',
        }))
      : (p.paymentMethods ?? [{ id: p.name }]).map((c) => ({ value: `${p.name}:${c.id}`, label: tOr(`checkout.provider.${p.name}`, p.name), group: p.name })),
  );
  const text = Object.fromEntries(CHECKOUT_TEXT.map((k) => [k, tOr(`checkout.${k}`, k)])) as CheckoutText;
  text.signIn = t('nav.signIn');
  text.place = t('checkout.place', { total: formatMoney(cart.totals.total) });
  return (
    <div className={`page ${s.cart}`}>
      <h1>{t('checkout.title')}</h1>
      <CheckoutForm
        idempotencyKey={randomUUID()}
        signedIn={Boolean(user)}
        addresses={addresses.map((a) => ({ id: a.id, label: [a.name, a.line1, a.city, a.postalCode, a.country].filter(Boolean).join(', ') }))}
        payments={payments}
        countries={COUNTRIES.map((c) => ({ value: c, label: countryName.of(c) ?? c }))}
        defaultCountry={cart.shippingCountry ?? country ?? 'US'}
        text={text}
      />
      <aside className={s.summary} aria-labelledby="summary">
        <h2 id="summary">{t('cart.summary')}</h2>
        <ul className={s.lines}>
          {cart.items.map((l) => (
            <li key={l.sku} className={s.info}>
              <span>
                {l.quantity} × {l.title ?? l.sku}
              </span>
              <span className={s.sku}>{l.lineTotal ? formatMoney(l.lineTotal) : ''}</span>
            </li>
          ))}
        </ul>
        <Totals totals={cart.totals} />
      </aside>
    </div>
  );
}
