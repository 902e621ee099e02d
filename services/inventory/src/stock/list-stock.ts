import { DomainError, type Db } from '@mercato/chassis';
import { SkuNotFound } from './stock.errors.js';
import { stockListStore, type StockListQuery, type StockListRow } from './stock-list.store.js';
import { stockStore, type Movement, type MovementKind } from './stock.store.js';

export class BadCursor extends DomainError {
  constructor() {
    super({ type: 'invalid_cursor', status: 400, title: 'Invalid cursor', detail: 'The cursor is not one this list gave out for this sort' });
  }
}

export interface ListStockInput {
  q?: string;
  productId?: string;
  warehouse?: string;
  lowStock?: boolean;
  includeDiscontinued?: boolean;
  sort?: 'sku' | 'available';
  limit?: number;
  cursor?: string;
}

const encode = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
function decode(cursor: string): unknown {
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new BadCursor();
  }
}

/**
 * SKUs with their stock: totals over every warehouse, the levels per warehouse, and whether
 * available stock is at or below the SKU's threshold (`low`). By SKU, or by available stock
 * (least first: the low-stock list), with a keyset cursor.
 */
export async function listStock(deps: { db: Db }, input: ListStockInput): Promise<{ items: StockListRow[]; nextCursor: string | null }> {
  const sort = input.sort ?? 'sku';
  const limit = input.limit ?? 50;
  let after: StockListQuery['after'];
  if (input.cursor !== undefined) {
    const c = decode(input.cursor);
    if (!Array.isArray(c) || c[0] !== sort || typeof c[1] !== 'string' || c[1].length > 64 || !Number.isSafeInteger(c[2])) throw new BadCursor();
    after = { sku: c[1], available: c[2] as number };
  }
  const rows = await stockListStore.page(deps.db, {
    search: input.q?.trim() || undefined,
    productId: input.productId,
    warehouseCode: input.warehouse,
    lowStock: input.lowStock ?? false,
    includeDiscontinued: input.includeDiscontinued ?? false,
    sort,
    after,
    limit: limit + 1,
  });
  const more = rows.length > limit;
  if (more) rows.length = limit;
  const last = rows[rows.length - 1];
  return { items: rows, nextCursor: more && last ? encode([sort, last.sku, last.onHand - last.reserved]) : null };
}

/** A SKU's ledger, newest first, by page (404 for a SKU inventory does not know). */
export async function stockLedger(
  deps: { db: Db },
  sku: string,
  input: { warehouse?: string; kind?: MovementKind; limit?: number; cursor?: string },
): Promise<{ items: Movement[]; nextCursor: string | null }> {
  if (!(await stockStore.sku(deps.db, sku))) throw new SkuNotFound(sku);
  const limit = input.limit ?? 50;
  let beforeId: number | undefined;
  if (input.cursor !== undefined) {
    const c = decode(input.cursor);
    if (!Number.isSafeInteger(c) || (c as number) < 1) throw new BadCursor();
    beforeId = c as number;
  }
  const rows = await stockStore.movements(deps.db, sku, limit + 1, { warehouseCode: input.warehouse, kind: input.kind, beforeId });
  const more = rows.length > limit;
  if (more) rows.length = limit;
  return { items: rows, nextCursor: more ? encode(rows[rows.length - 1]!.id) : null };
}
