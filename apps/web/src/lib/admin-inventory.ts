import type { paths } from '@mercato/client';
import { adminApi, load } from './admin';
import { loaded, type Loaded } from './admin-lists';
import type { GetOk } from './types';

// The back office's stock: the list per SKU and warehouse (search, warehouse, low stock), a SKU
// with its levels per warehouse, and its ledger, page by page.

type StockQuery = NonNullable<paths['/api/v1/inventory']['get']['parameters']['query']>;
type LedgerQuery = NonNullable<paths['/api/v1/inventory/skus/{sku}/movements']['get']['parameters']['query']>;
export type StockList = GetOk<'/api/v1/inventory'>;
export type StockRow = StockList['items'][number];
export type Stock = GetOk<'/api/v1/inventory/skus/{sku}'>;
export type Ledger = GetOk<'/api/v1/inventory/skus/{sku}/movements'>;
export type Warehouse = GetOk<'/api/v1/inventory/warehouses'>['items'][number];
export const MOVEMENT_KINDS = ['adjustment', 'seed', 'reservation', 'release', 'expiry', 'commit', 'restock'] as const;

export interface StockFilters {
  q?: string;
  warehouse?: string;
  low?: string;
  cursor?: string;
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim().slice(0, 64) || undefined;

export function stockFiltersOf(params: Record<string, string | string[] | undefined>): StockFilters {
  const out: StockFilters = {};
  for (const k of ['q', 'warehouse', 'low', 'cursor'] as const) {
    const v = one(params[k]);
    if (v) out[k] = v;
  }
  return out;
}

export function stockHref(f: StockFilters, change: Partial<StockFilters> = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...f, ...change })) if (v) q.set(k, v);
  const s = q.toString();
  return s ? `/admin/inventory?${s}` : '/admin/inventory';
}

/** A page of SKUs; the low-stock list is the same list, least available first. */
export async function loadStock(f: StockFilters): Promise<Loaded<StockList>> {
  const low = f.low === '1';
  const query: StockQuery = { limit: 50, ...(f.q ? { q: f.q } : {}), ...(f.warehouse ? { warehouse: f.warehouse } : {}), ...(low ? { lowStock: true, sort: 'available' } : {}), ...(f.cursor ? { cursor: f.cursor } : {}) };
  const client = await adminApi();
  return loaded(await client.GET('/api/v1/inventory', { params: { query } }));
}

export async function loadWarehouses(): Promise<Warehouse[]> {
  const client = await adminApi();
  const r = await client.GET('/api/v1/inventory/warehouses');
  return r.response.ok ? (r.data?.items ?? []) : [];
}

export async function loadSku(sku: string): Promise<Stock> {
  const client = await adminApi();
  return load(await client.GET('/api/v1/inventory/skus/{sku}', { params: { path: { sku } } }), 'the stock');
}

export interface LedgerFilters {
  warehouse?: string;
  kind?: string;
  cursor?: string;
}

export async function loadLedger(sku: string, f: LedgerFilters): Promise<Loaded<Ledger>> {
  const kind = (MOVEMENT_KINDS as readonly string[]).includes(f.kind ?? '') ? (f.kind as LedgerQuery['kind']) : undefined;
  const query: LedgerQuery = { limit: 50, ...(f.warehouse ? { warehouse: f.warehouse } : {}), ...(kind ? { kind } : {}), ...(f.cursor ? { cursor: f.cursor } : {}) };
  const client = await adminApi();
  return loaded(await client.GET('/api/v1/inventory/skus/{sku}/movements', { params: { path: { sku }, query } }));
}
