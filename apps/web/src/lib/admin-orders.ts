import type { paths } from '@mercato/client';
import { adminApi, load } from './admin';
import { loaded, type Loaded } from './admin-lists';
import { minorUnitsOf } from './admin-money';
import { t } from './i18n';
import type { Order, OrderList } from './types';

// The back office's orders: the list's filters as the page's query string (so a filtered list
// is a link to share), turned into the API's query; and the order with its history and refunds.

type ListQuery = NonNullable<paths['/api/v1/orders']['get']['parameters']['query']>;
export type OrderStatus = NonNullable<ListQuery['status']>;

export const ORDER_STATUSES: readonly OrderStatus[] = [
  'pending',
  'awaiting_payment',
  'confirmed',
  'shipped',
  'delivered',
  'cancelled',
  'refunded',
] as OrderStatus[];


/** The filters as typed in the form (the page's query string). */
export interface OrderFilters {
  q?: string;
  status?: string;
  from?: string;
  to?: string;
  currency?: string;
  min?: string;
  max?: string;
  customer?: string;
  cursor?: string;
}

const FILTER_KEYS = ['q', 'status', 'from', 'to', 'currency', 'min', 'max', 'customer', 'cursor'] as const;

export function filtersOf(params: Record<string, string | string[] | undefined>): OrderFilters {
  const out: OrderFilters = {};
  for (const k of FILTER_KEYS) {
    const v = params[k];
    const s = (Array.isArray(v) ? v[0] : v)?.trim();
    if (s) out[k] = s.slice(0, 254);
  }
  return out;
}

/** The query string of `filters` with `change` applied (a page link, a cleared filter). */
export function ordersHref(filters: OrderFilters, change: Partial<OrderFilters> = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...filters, ...change })) if (v) q.set(k, v);
  const s = q.toString();
  return s ? `/admin/orders?${s}` : '/admin/orders';
}

/** The form's field of the API's query parameter, so its refusal shows next to the right field. */
const FIELD_OF_PARAM: Record<string, string> = { minTotal: 'min', maxTotal: 'max', userId: 'customer' };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The API's query for the filters, or the field errors of what cannot be one. */
export function queryOf(f: OrderFilters): { query: ListQuery; fieldErrors: Record<string, string> } {
  const query: ListQuery = { limit: 25 };
  const fieldErrors: Record<string, string> = {};
  if (f.q) query.q = f.q;
  if (f.status) {
    if ((ORDER_STATUSES as readonly string[]).includes(f.status)) query.status = f.status as OrderStatus;
    else fieldErrors.status = t('admin.orders.filter.badStatus');
  }
  if (f.from) {
    if (DAY.test(f.from) && !Number.isNaN(Date.parse(`${f.from}T00:00:00Z`))) query.from = `${f.from}T00:00:00Z`;
    else fieldErrors.from = t('admin.orders.filter.badDate');
  }
  if (f.to) {
    const d = Date.parse(`${f.to}T00:00:00Z`);
    // "To" is the last day included: orders placed before the next day starts.
    if (DAY.test(f.to) && !Number.isNaN(d)) query.to = new Date(d + 86_400_000).toISOString();
    else fieldErrors.to = t('admin.orders.filter.badDate');
  }
  if (f.currency) query.currency = f.currency.toUpperCase();
  const currency = query.currency ?? 'USD';
  for (const [key, param] of [['min', 'minTotal'], ['max', 'maxTotal']] as const) {
    const text = f[key];
    if (!text) continue;
    const minor = minorUnitsOf(text, currency);
    if (minor === undefined) fieldErrors[key] = t('admin.money.invalid');
    else query[param] = minor;
  }
  if (f.customer) query.userId = f.customer;
  if (f.cursor) query.cursor = f.cursor;
  return { query, fieldErrors };
}

/** One page of orders for the filters: the API's answer, or why not (next to the fields). */
export async function loadOrders(filters: OrderFilters): Promise<Loaded<OrderList>> {
  const { query, fieldErrors } = queryOf(filters);
  if (Object.keys(fieldErrors).length > 0) return { ok: false, error: t('admin.list.fix'), fieldErrors };
  const client = await adminApi();
  return loaded(await client.GET('/api/v1/orders', { params: { query } }), FIELD_OF_PARAM);
}

/** One order as staff see it: its history (with who made each move) and its refunds. */
export async function loadOrder(id: string): Promise<Order> {
  const client = await adminApi();
  return load(await client.GET('/api/v1/orders/{id}', { params: { path: { id } } }), 'the order');
}

/** What an order still allows, by its state and payment (the API decides; the page follows). */
export function orderMoves(order: Order): { ship: boolean; deliver: boolean; cancel: boolean; refund: boolean; refundable: number } {
  const p = order.payment;
  const refundable = Math.max(0, p.paid.amount - p.refunded.amount - p.refundPending.amount);
  return {
    ship: order.status === 'confirmed',
    deliver: order.status === 'shipped',
    cancel: ['pending', 'awaiting_payment', 'confirmed'].includes(order.status),
    refund: refundable > 0 && ['confirmed', 'shipped', 'delivered', 'cancelled'].includes(order.status),
    refundable,
  };
}
