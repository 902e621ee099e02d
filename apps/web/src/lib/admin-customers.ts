import type { paths } from '@mercato/client';
import { cookies } from 'next/headers';
import { adminApi, load } from './admin';
import { loaded, type Loaded } from './admin-lists';
import { t } from './i18n';
import { ACCESS_COOKIE } from './session-cookies';
import type { GetOk, OrderList } from './types';

// The back office's customers: search by email or name and role, one customer with their
// address book and orders, and what a change of roles does (when it takes effect).

type UsersQuery = NonNullable<paths['/api/v1/users']['get']['parameters']['query']>;
export type Role = NonNullable<UsersQuery['role']>;
export const ROLES: readonly Role[] = ['customer', 'support', 'catalog_manager', 'admin'] as Role[];
export type UserPage = GetOk<'/api/v1/users'>;
export type Customer = GetOk<'/api/v1/users/{id}'>;

export interface CustomerFilters {
  q?: string;
  role?: string;
  cursor?: string;
}

export function customerFiltersOf(params: Record<string, string | string[] | undefined>): CustomerFilters {
  const out: CustomerFilters = {};
  for (const k of ['q', 'role', 'cursor'] as const) {
    const raw = params[k];
    const v = (Array.isArray(raw) ? raw[0] : raw)?.trim().slice(0, 200);
    if (v) out[k] = v;
  }
  return out;
}

export function customersHref(f: CustomerFilters, change: Partial<CustomerFilters> = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...f, ...change })) if (v) q.set(k, v);
  const s = q.toString();
  return s ? `/admin/customers?${s}` : '/admin/customers';
}

export async function loadCustomers(f: CustomerFilters): Promise<Loaded<UserPage>> {
  const role = (ROLES as readonly string[]).includes(f.role ?? '') ? (f.role as Role) : undefined;
  if (f.role && !role) return { ok: false, error: t('form.fix'), fieldErrors: { role: t('admin.customers.badRole') } };
  const query: UsersQuery = { limit: 25, ...(f.q ? { q: f.q } : {}), ...(role ? { role } : {}), ...(f.cursor ? { cursor: f.cursor } : {}) };
  const client = await adminApi();
  return loaded(await client.GET('/api/v1/users', { params: { query } }));
}

export async function loadCustomer(id: string): Promise<Customer> {
  const client = await adminApi();
  return load(await client.GET('/api/v1/users/{id}', { params: { path: { id } } }), 'the customer');
}

/** A customer's latest orders (staff see anyone's by userId); undefined when the order service is away. */
export async function loadCustomerOrders(userId: string, cursor?: string): Promise<OrderList | undefined> {
  const client = await adminApi();
  const r = await client.GET('/api/v1/orders', { params: { query: { userId, limit: 20, ...(cursor ? { cursor } : {}) } } });
  return r.response.ok ? (r.data as OrderList) : undefined;
}

/**
 * How long an access token lives, in whole minutes, read from the signed-in staff member's own
 * token (`exp - iat`): every token of the shop is issued with that lifetime, so a changed role
 * reaches the customer's session when their current token is renewed, at most this long after.
 */
export async function accessTokenMinutes(): Promise<number | undefined> {
  const jwt = (await cookies()).get(ACCESS_COOKIE)?.value;
  const part = jwt?.split('.')[1];
  if (!part) return undefined;
  try {
    const c = JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as { iat?: unknown; exp?: unknown };
    if (typeof c.iat !== 'number' || typeof c.exp !== 'number' || c.exp <= c.iat) return undefined;
    return Math.ceil((c.exp - c.iat) / 60);
  } catch {
    return undefined;
  }
}
