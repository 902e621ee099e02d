import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { addAddress, cancelOrder, deleteAddress, updateProfile } from '@/actions/account';
import { changePassword, signOut } from '@/actions/auth';
import { eraseAccount, withdrawStockWish } from '@/actions/engagement';
import { PreferencesForm } from '@/components/PreferencesForm';
import { ActionForm } from '@/components/ActionForm';
import { Button, Card } from '@/components/ui';
import { api, must, optional } from '@/lib/api';
import { t, tOr } from '@/lib/i18n';
import { formatMoney } from '@/lib/money';
import { CATEGORIES, CHANNELS } from '@/lib/notification-choices';
import { currentUser } from '@/lib/session';
import { COUNTRIES } from '@/lib/shop';
import s from './account.module.css';

export const metadata: Metadata = { title: t('account.title'), description: t('account.description'), robots: { index: false }, alternates: { canonical: '/account' } };

const countryName = new Intl.DisplayNames(['en'], { type: 'region' });
const CANCELLABLE = new Set(['pending', 'awaiting_payment', 'confirmed']);

export default async function AccountPage() {
  if (!(await currentUser())) redirect('/account/sign-in?next=/account');
  const client = await api();
  const [me, addresses, orders, prefs, wishes] = await Promise.all([
    client.GET('/api/v1/users/me').then((r) => must(r, 'your profile')),
    client.GET('/api/v1/users/me/addresses').then((r) => must(r, 'your address book')),
    client.GET('/api/v1/orders', { params: { query: { limit: 20 } } }).then((r) => must(r, 'your orders')),
    // The page works without the notification service: its two sections are left out then.
    client.GET('/api/v1/notifications/preferences').then(optional),
    client.GET('/api/v1/notifications/stock-subscriptions').then(optional),
  ]);
  const verified = (me as typeof me & { emailVerified?: boolean }).emailVerified;
  return (
    <div className={`page ${s.account}`}>
      <div className={s.head}>
        <h1>{t('account.title')}</h1>
        <form action={signOut}>
          <Button type="submit" kind="secondary">
            {t('account.signOut')}
          </Button>
        </form>
      </div>
      <Card>
        <h2>{t('account.profile')}</h2>
        <p>
          {t('account.email')}: <strong>{me.email}</strong>{' '}
          {verified === true ? <span className={s.ok}>{t('account.verified')}</span> : verified === false ? <span className={s.muted}>{t('account.unverified')}</span> : null}
        </p>
        <ActionForm
          action={updateProfile}
          submit={t('account.save')}
          fields={[
            { name: 'name', label: t('account.name'), autoComplete: 'name', defaultValue: me.name, required: true },
            { name: 'phone', label: t('account.phone'), type: 'tel', autoComplete: 'tel', defaultValue: me.phone ?? '' },
          ]}
        />
      </Card>
      <Card>
        <h2 id="password">{t('account.password')}</h2>
        <p className={s.muted}>{t('account.passwordHint')}</p>
        <ActionForm
          action={changePassword}
          submit={t('account.changePassword')}
          resetOnOk
          fields={[
            { name: 'currentPassword', type: 'password', label: t('account.currentPassword'), autoComplete: 'current-password', required: true },
            { name: 'newPassword', type: 'password', label: t('account.newPassword'), autoComplete: 'new-password', required: true, hint: t('signup.passwordHint') },
          ]}
        />
      </Card>
      <Card>
        <h2 id="addresses">{t('account.addresses')}</h2>
        {addresses.items.length === 0 ? <p>{t('account.noAddresses')}</p> : null}
        <ul className={s.list}>
          {addresses.items.map((a) => (
            <li key={a.id} className={s.item}>
              <address>{[a.name, a.line1, a.line2, a.city, a.postalCode, a.region, a.country].filter(Boolean).join(', ')}</address>
              <form action={deleteAddress}>
                <input type="hidden" name="id" value={a.id} />
                <Button type="submit" kind="link">
                  {t('account.deleteAddress')}
                </Button>
              </form>
            </li>
          ))}
        </ul>
        <details className={s.add} open={addresses.items.length === 0}>
          <summary>{t('account.addAddress')}</summary>
          <ActionForm
            action={addAddress}
            submit={t('account.addAddress')}
            resetOnOk
            fields={[
              { name: 'name', label: t('checkout.name'), autoComplete: 'name', required: true },
              { name: 'line1', label: t('checkout.line1'), autoComplete: 'address-line1', required: true },
              { name: 'line2', label: t('checkout.line2'), autoComplete: 'address-line2' },
              { name: 'city', label: t('checkout.city'), autoComplete: 'address-level2', required: true },
              { name: 'postalCode', label: t('checkout.postalCode'), autoComplete: 'postal-code' },
              { name: 'region', label: t('checkout.region'), autoComplete: 'address-level1' },
              { name: 'country', label: t('checkout.country'), options: COUNTRIES.map((c) => ({ value: c, label: countryName.of(c) ?? c })), defaultValue: 'US' },
              { name: 'phone', label: t('checkout.phone'), type: 'tel', autoComplete: 'tel' },
            ]}
          />
        </details>
      </Card>
      <Card>
        <h2 id="orders">{t('account.orders')}</h2>
        {orders.items.length === 0 ? <p>{t('account.noOrders')}</p> : null}
        <ul className={s.list}>
          {orders.items.map((o) => (
            <li key={o.id} className={s.item} data-order={o.id}>
              <span>
                <a href={`/orders/${o.id}`}>{o.id}</a> · {new Date(o.createdAt).toLocaleDateString('en', { dateStyle: 'medium', timeZone: 'UTC' })} · {formatMoney(o.totals.total)}
              </span>
              <span className={s.row}>
                <strong data-status={o.status}>{tOr(`order.status.${o.status}`, o.status)}</strong>
                {CANCELLABLE.has(o.status) ? (
                  <form action={cancelOrder}>
                    <input type="hidden" name="orderId" value={o.id} />
                    <Button type="submit" kind="link">
                      {t('order.cancel')}
                    </Button>
                  </form>
                ) : null}
              </span>
            </li>
          ))}
        </ul>
      </Card>
      {prefs ? (
        <Card>
          <h2 id="notifications">{t('account.notifications')}</h2>
          <p className={s.muted}>{t('account.notificationsHint')}</p>
          {!prefs.sms.available ? <p className={s.muted}>{t('account.smsUnavailable')}</p> : null}
          <PreferencesForm
            caption={t('account.notifications')}
            save={t('account.save')}
            grid={{
              channels: CHANNELS.map((c) => ({ name: c, label: t(`account.channel.${c}`), available: c !== 'sms' || prefs.sms.available })),
              categories: CATEGORIES.map((c) => ({ name: c, label: t(`account.category.${c}`) })),
              chosen: prefs.channels as Record<string, Record<string, boolean>>,
              locked: prefs.locked.map((l) => `${l.channel}.${l.category}`),
            }}
          />
        </Card>
      ) : null}
      {wishes ? (
        <Card>
          <h2 id="stock-alerts">{t('account.stockWishes')}</h2>
          {wishes.items.length === 0 ? <p>{t('account.noStockWishes')}</p> : null}
          <ul className={s.list}>
            {wishes.items.map((w) => (
              <li key={w.id} className={s.item} data-wish={w.sku}>
                <span>
                  {w.sku} ·{' '}
                  <span className={s.muted}>
                    {w.notifiedAt ? t('account.wishSent', { date: new Date(w.notifiedAt).toLocaleDateString('en', { dateStyle: 'medium', timeZone: 'UTC' }) }) : t('account.wishWaiting')}
                  </span>
                </span>
                {w.notifiedAt ? null : (
                  <form action={withdrawStockWish}>
                    <input type="hidden" name="sku" value={w.sku} />
                    <Button type="submit" kind="link">
                      {t('account.withdraw')}
                    </Button>
                  </form>
                )}
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      <Card>
        <h2 id="erase">{t('account.erase')}</h2>
        <p className={s.muted}>{t('account.eraseHint')}</p>
        <details className={s.add}>
          <summary>{t('account.erase')}</summary>
          <ActionForm action={eraseAccount} submit={t('account.eraseSubmit')} fields={[{ name: 'confirm', label: t('account.eraseConfirm'), type: 'email', autoComplete: 'off', required: true }]} />
        </details>
      </Card>
    </div>
  );
}
