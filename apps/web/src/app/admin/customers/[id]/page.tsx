import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Notice } from '@/components/ui';
import { accessTokenMinutes, loadCustomer, loadCustomerOrders, ROLES } from '@/lib/admin-customers';
import { staffTime } from '@/lib/admin-money';
import { t, tOr } from '@/lib/i18n';
import { formatMoney } from '@/lib/money';
import { currentUser } from '@/lib/session';
import { OpForm } from '../../_ops/OpForm';
import s from '../../_ops/ops.module.css';
import { changeRoles } from '../actions';

type Props = { params: Promise<{ id: string }> };

export const metadata: Metadata = { title: t('admin.customer.title'), robots: { index: false } };

/** A customer: profile, address book, orders; and, for admins, their roles. */
export default async function CustomerPage({ params }: Props) {
  const { id } = await params;
  if (!/^[A-Za-z0-9_]{1,60}$/.test(id)) notFound();
  const [customer, orders, me, minutes] = await Promise.all([loadCustomer(id), loadCustomerOrders(id), currentUser(), accessTokenMinutes()]);
  const admin = me?.roles.includes('admin') ?? false;
  return (
    <div className={s.stack}>
      <p>
        <a href="/admin/customers">{t('admin.customer.back')}</a>
      </p>
      <h1>{customer.name || customer.email}</h1>
      <div className={s.grid}>
        <div className={s.stack}>
          <section className={s.section} aria-labelledby="profile">
            <h2 id="profile">{t('admin.customer.profile')}</h2>
            <dl className={s.kv}>
              <dt>{t('admin.customers.col.email')}</dt>
              <dd>
                {customer.email} {customer.emailVerified ? t('admin.customer.verified') : t('admin.customers.unverified')}
              </dd>
              <dt>{t('admin.customer.phone')}</dt>
              <dd>{customer.phone ?? '—'}</dd>
              <dt>{t('admin.customers.col.roles')}</dt>
              <dd>{customer.roles.map((r) => tOr(`admin.role.${r}`, r)).join(', ')}</dd>
              <dt>{t('admin.customers.col.since')}</dt>
              <dd>{staffTime(customer.createdAt)}</dd>
              <dt>{t('admin.customer.id')}</dt>
              <dd>{customer.id}</dd>
            </dl>
          </section>
          <section className={s.section} aria-labelledby="orders">
            <h2 id="orders">{t('admin.customer.orders')}</h2>
            {!orders ? (
              <Notice kind="error">{t('error.unavailable.body')}</Notice>
            ) : orders.items.length === 0 ? (
              <p>{t('admin.customer.noOrders')}</p>
            ) : (
              <div className={s.tableWrap}>
                <table className={s.table}>
                  <thead>
                    <tr>
                      <th scope="col">{t('admin.orders.col.id')}</th>
                      <th scope="col">{t('admin.orders.col.placed')}</th>
                      <th scope="col">{t('admin.orders.col.status')}</th>
                      <th scope="col" className={s.num}>
                        {t('admin.orders.col.total')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {orders.items.map((o) => (
                      <tr key={o.id}>
                        <td>
                          <a href={`/admin/orders/${o.id}`}>{o.id}</a>
                        </td>
                        <td>{staffTime(o.createdAt)}</td>
                        <td>{tOr(`order.status.${o.status}`, o.status)}</td>
                        <td className={s.num}>{formatMoney(o.totals.total)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            {orders?.nextCursor ? (
              <p>
                <a href={`/admin/orders?customer=${encodeURIComponent(customer.id)}`}>{t('admin.customer.allOrders')}</a>
              </p>
            ) : null}
          </section>
        </div>
        <div className={s.stack}>
          <section className={s.section} aria-labelledby="addresses">
            <h2 id="addresses">{t('admin.customer.addresses')}</h2>
            {customer.addresses.length === 0 ? (
              <p>{t('admin.customer.noAddresses')}</p>
            ) : (
              <ul>
                {customer.addresses.map((a) => (
                  <li key={a.id}>
                    <address className={s.address}>{[a.name, a.line1, a.line2, a.postalCode ? `${a.postalCode} ${a.city}` : a.city, a.region, a.country, a.phone].filter(Boolean).join(', ')}</address>
                  </li>
                ))}
              </ul>
            )}
          </section>
          {admin ? (
            <section className={s.section} aria-labelledby="roles">
              <h2 id="roles">{t('admin.customer.roles')}</h2>
              <p className={s.muted}>{minutes ? t('admin.customer.rolesEffect', { minutes }) : t('admin.customer.rolesEffectUnknown')}</p>
              <OpForm
                action={changeRoles}
                hidden={{ userId: customer.id }}
                submit={t('admin.customer.rolesSave')}
                confirm={{ title: t('admin.customer.rolesConfirmTitle'), body: t('admin.customer.rolesConfirmBody', { name: customer.name || customer.email }), confirm: t('admin.customer.rolesSave'), cancel: t('admin.confirm.back') }}
              >
                <fieldset className={s.checks}>
                  <legend>{t('admin.customers.col.roles')}</legend>
                  {ROLES.map((r) => (
                    <label key={r}>
                      <input type="checkbox" name="roles" value={r} defaultChecked={customer.roles.includes(r)} /> {tOr(`admin.role.${r}`, r)}
                    </label>
                  ))}
                </fieldset>
              </OpForm>
            </section>
          ) : null}
        </div>
      </div>
    </div>
  );
}
