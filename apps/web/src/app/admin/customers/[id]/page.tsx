import type { Metadata } from 'next';
import a from '@/components/admin/admin.module.css';
import { ConfirmAction } from '@/components/admin/ConfirmAction';
import { DataTable } from '@/components/admin/DataTable';
import { StatusBadge } from '@/components/admin/StatusBadge';
import { Notice } from '@/components/ui';
import { requireSection } from '@/lib/admin';
import { accessTokenMinutes, loadCustomer, loadCustomerOrders, ROLES } from '@/lib/admin-customers';
import { staffTime } from '@/lib/admin-money';
import { t, tOr } from '@/lib/i18n';
import { formatMoney } from '@/lib/money';
import type { OrderList } from '@/lib/types';
import s from '../../_ops/ops.module.css';
import { changeRoles } from '../actions';
import { pageNotFound } from '@/lib/runtime';

type Props = { params: Promise<{ id: string }> };
type OrderRow = OrderList['items'][number];

export const metadata: Metadata = { title: t('admin.customer.title'), robots: { index: false } };

/** A customer: profile, address book, orders; and, for admins, their roles. */
export default async function CustomerPage({ params }: Props) {
  const user = await requireSection('customers');
  const { id } = await params;
  if (!/^[A-Za-z0-9_]{1,60}$/.test(id)) pageNotFound();
  const [customer, orders, minutes] = await Promise.all([loadCustomer(id), loadCustomerOrders(id), accessTokenMinutes()]);
  // Changing roles is the admin's (the user service refuses anyone else).
  const admin = user.roles.includes('admin');
  const effect = minutes ? t('admin.customer.rolesEffect', { minutes }) : t('admin.customer.rolesEffectUnknown');
  return (
    <>
      <p>
        <a href="/admin/customers" className={a.smallLink}>
          {t('admin.customer.back')}
        </a>
      </p>
      <div className={a.pageHead}>
        <h1>{customer.name || customer.email}</h1>
      </div>
      <div className={s.split}>
        <div>
          <section className={a.panel} aria-labelledby="profile">
            <h2 id="profile">{t('admin.customer.profile')}</h2>
            <dl className={s.kv}>
              <dt>{t('admin.customers.col.email')}</dt>
              <dd>
                {customer.email} {customer.emailVerified ? t('admin.customer.verified') : t('admin.customers.unverified')}
              </dd>
              <dt>{t('admin.customer.phone')}</dt>
              <dd>{customer.phone ?? '—'}</dd>
              <dt>{t('admin.customers.col.roles')}</dt>
              <dd data-testid="customer-roles">{customer.roles.map((r) => tOr(`admin.role.${r}`, r)).join(', ')}</dd>
              <dt>{t('admin.customers.col.since')}</dt>
              <dd>{staffTime(customer.createdAt)}</dd>
              <dt>{t('admin.customer.id')}</dt>
              <dd>{customer.id}</dd>
            </dl>
          </section>
          <section className={a.panel} aria-labelledby="orders">
            <h2 id="orders">{t('admin.customer.orders')}</h2>
            {!orders ? (
              <Notice kind="error">{t('error.unavailable.body')}</Notice>
            ) : (
              <DataTable<OrderRow>
                caption={t('admin.customer.orders')}
                rows={orders.items}
                rowKey={(o) => o.id}
                empty={t('admin.customer.noOrders')}
                columns={[
                  { header: t('admin.orders.col.id'), cell: (o) => <a href={`/admin/orders/${o.id}`}>{o.id}</a>, long: true },
                  { header: t('admin.orders.col.placed'), cell: (o) => staffTime(o.createdAt), wideOnly: true },
                  { header: t('admin.orders.col.status'), cell: (o) => <StatusBadge status={o.status} /> },
                  { header: t('admin.orders.col.total'), cell: (o) => formatMoney(o.totals.total), numeric: true },
                ]}
              />
            )}
            {orders?.nextCursor ? (
              <p>
                <a href={`/admin/orders?customer=${encodeURIComponent(customer.id)}`} className={a.smallLink}>
                  {t('admin.customer.allOrders')}
                </a>
              </p>
            ) : null}
          </section>
        </div>
        <div>
          <section className={a.panel} aria-labelledby="addresses">
            <h2 id="addresses">{t('admin.customer.addresses')}</h2>
            {customer.addresses.length === 0 ? (
              <p className={s.muted}>{t('admin.customer.noAddresses')}</p>
            ) : (
              <ul>
                {customer.addresses.map((x) => (
                  <li key={x.id}>
                    <address className={s.address}>{[x.name, x.line1, x.line2, x.postalCode ? `${x.postalCode} ${x.city}` : x.city, x.region, x.country, x.phone].filter(Boolean).join(', ')}</address>
                  </li>
                ))}
              </ul>
            )}
          </section>
          {admin ? (
            <section className={a.panel} aria-labelledby="roles">
              <h2 id="roles">{t('admin.customer.roles')}</h2>
              <p className={s.muted}>{effect}</p>
              <ConfirmAction
                action={changeRoles}
                label={t('admin.customer.rolesChange')}
                title={t('admin.customer.rolesConfirmTitle')}
                body={
                  <>
                    <p>{t('admin.customer.rolesConfirmBody', { name: customer.name || customer.email })}</p>
                    <p>{effect}</p>
                  </>
                }
                confirmLabel={t('admin.customer.rolesSave')}
                cancelLabel={t('admin.confirm.back')}
                workingLabel={t('admin.confirm.working')}
                hidden={{ userId: customer.id }}
              >
                <fieldset className={s.checks}>
                  <legend>{t('admin.customers.col.roles')}</legend>
                  {ROLES.map((r) => (
                    <label key={r}>
                      <input type="checkbox" name="roles" value={r} defaultChecked={customer.roles.includes(r)} /> {tOr(`admin.role.${r}`, r)}
                    </label>
                  ))}
                </fieldset>
              </ConfirmAction>
            </section>
          ) : null}
        </div>
      </div>
    </>
  );
}
