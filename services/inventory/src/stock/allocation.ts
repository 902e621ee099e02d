/**
 * The pure rules of stock: how an order's lines are allocated across warehouses, what each
 * action changes, and when a SKU crosses its low-stock threshold. No I/O here; the use cases
 * run these on rows they hold locked.
 */

/** The stock of one SKU in one warehouse, with the warehouse's priority (lower ships first). */
export interface StockRow {
  sku: string;
  warehouseId: string;
  priority: number;
  onHand: number;
  reserved: number;
}

export interface OrderLine {
  sku: string;
  quantity: number;
}

export interface Allocation {
  warehouseId: string;
  quantity: number;
}

export interface AllocatedLine {
  sku: string;
  quantity: number;
  allocations: Allocation[];
}

export interface ShortLine {
  sku: string;
  requested: number;
  available: number;
}

export type AllocationResult = { ok: true; lines: AllocatedLine[] } | { ok: false; short: ShortLine[] };

/** A change of one stock row: what the ledger records and the level update applies. */
export interface LevelChange {
  sku: string;
  warehouseId: string;
  onHandDelta: number;
  reservedDelta: number;
}

export const availableOf = (row: Pick<StockRow, 'onHand' | 'reserved'>): number => Math.max(0, row.onHand - row.reserved);

/** One line per SKU (an order may name a SKU twice), quantities summed, first-seen order kept. */
export function mergeLines(lines: readonly OrderLine[]): OrderLine[] {
  const bySku = new Map<string, number>();
  for (const l of lines) bySku.set(l.sku, (bySku.get(l.sku) ?? 0) + l.quantity);
  return [...bySku].map(([sku, quantity]) => ({ sku, quantity }));
}

/** Warehouses in the order reservations draw from them: priority, then id (stable). */
export function byPriority(a: Pick<StockRow, 'priority' | 'warehouseId'>, b: Pick<StockRow, 'priority' | 'warehouseId'>): number {
  return a.priority - b.priority || (a.warehouseId < b.warehouseId ? -1 : a.warehouseId > b.warehouseId ? 1 : 0);
}

/**
 * Allocates every line, all or nothing: each line takes what it can from the warehouses in
 * priority order, split across several when one does not hold enough. When any line falls
 * short, nothing is allocated and the short lines are returned with what is available.
 * SKUs in `unavailable` (discontinued) count as holding nothing.
 */
export function allocate(lines: readonly OrderLine[], rows: readonly StockRow[], unavailable: ReadonlySet<string> = new Set()): AllocationResult {
  const merged = mergeLines(lines);
  const allocated: AllocatedLine[] = [];
  const short: ShortLine[] = [];
  for (const line of merged) {
    const candidates = unavailable.has(line.sku) ? [] : rows.filter((r) => r.sku === line.sku).sort(byPriority);
    const total = candidates.reduce((s, r) => s + availableOf(r), 0);
    if (total < line.quantity) {
      short.push({ sku: line.sku, requested: line.quantity, available: total });
      continue;
    }
    let left = line.quantity;
    const allocations: Allocation[] = [];
    for (const r of candidates) {
      if (left === 0) break;
      const take = Math.min(left, availableOf(r));
      if (take === 0) continue;
      allocations.push({ warehouseId: r.warehouseId, quantity: take });
      left -= take;
    }
    allocated.push({ sku: line.sku, quantity: line.quantity, allocations });
  }
  return short.length > 0 ? { ok: false, short } : { ok: true, lines: allocated };
}

function changes(lines: readonly AllocatedLine[], onHand: -1 | 0 | 1, reserved: -1 | 0 | 1): LevelChange[] {
  return lines.flatMap((l) =>
    l.allocations.map((a) => ({ sku: l.sku, warehouseId: a.warehouseId, onHandDelta: onHand * a.quantity, reservedDelta: reserved * a.quantity })),
  );
}

/** Reserving holds stock: reserved grows, on hand stays. */
export const reservationChanges = (lines: readonly AllocatedLine[]) => changes(lines, 0, 1);
/** Releasing (cancelled or expired) gives the held stock back. */
export const releaseChanges = (lines: readonly AllocatedLine[]) => changes(lines, 0, -1);
/** Committing ships the held stock: on hand and reserved both shrink; available is unchanged. */
export const commitChanges = (lines: readonly AllocatedLine[]) => changes(lines, -1, -1);
/**
 * Restocking puts committed stock back on hand (a confirmed order cancelled before it shipped):
 * on hand grows, reserved stays, so available grows by the same amount.
 */
export const restockChanges = (lines: readonly AllocatedLine[]) => changes(lines, 1, 0);

const key = (sku: string, warehouseId: string) => `${sku}\u0000${warehouseId}`;

/**
 * The rows after `changes`, or the first broken rule: on hand ≥ reserved ≥ 0. A change of a row
 * that is not given is an error (the caller locks every row it changes).
 */
export function applyChanges(rows: readonly StockRow[], levelChanges: readonly LevelChange[]): { ok: true; rows: StockRow[] } | { ok: false; row: StockRow; change: LevelChange } {
  const next = new Map(rows.map((r) => [key(r.sku, r.warehouseId), { ...r }]));
  for (const c of levelChanges) {
    const row = next.get(key(c.sku, c.warehouseId));
    if (!row) throw new Error(`no stock row for ${c.sku} in ${c.warehouseId}`);
    const onHand = row.onHand + c.onHandDelta;
    const reserved = row.reserved + c.reservedDelta;
    if (reserved < 0 || onHand < reserved) return { ok: false, row, change: c };
    row.onHand = onHand;
    row.reserved = reserved;
  }
  return { ok: true, rows: [...next.values()] };
}

/** Available stock per SKU, summed over warehouses. */
export function availableBySku(rows: readonly StockRow[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of rows) out.set(r.sku, (out.get(r.sku) ?? 0) + availableOf(r));
  return out;
}

export interface LowStockCrossing {
  sku: string;
  available: number;
  threshold: number;
}

/**
 * SKUs whose available stock crossed their threshold downwards: above it before, at or below it
 * after. Once below, a SKU crosses again only after it has gone back above (that re-arms it).
 */
export function lowStockCrossings(
  before: ReadonlyMap<string, number>,
  after: ReadonlyMap<string, number>,
  thresholdBefore: ReadonlyMap<string, number>,
  thresholdAfter: ReadonlyMap<string, number> = thresholdBefore,
): LowStockCrossing[] {
  const out: LowStockCrossing[] = [];
  for (const [sku, available] of after) {
    const tb = thresholdBefore.get(sku);
    const ta = thresholdAfter.get(sku);
    if (tb === undefined || ta === undefined) continue;
    const was = before.get(sku) ?? 0;
    if (was > tb && available <= ta) out.push({ sku, available, threshold: ta });
  }
  return out;
}

/**
 * SKUs whose available stock went from none to some (back in stock): at most 0 before, above 0
 * after. Customers waiting for a SKU are told on this crossing.
 */
export function replenishments(before: ReadonlyMap<string, number>, after: ReadonlyMap<string, number>): Array<{ sku: string; available: number }> {
  const out: Array<{ sku: string; available: number }> = [];
  for (const [sku, available] of after) if ((before.get(sku) ?? 0) <= 0 && available > 0) out.push({ sku, available });
  return out;
}
