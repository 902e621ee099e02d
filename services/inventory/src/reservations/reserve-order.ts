import { commitWith, currentContext, type Logger, type Outbox, type Queryable, type Tx } from '@mercato/chassis';
import { buildEvent, type Envelope, type EventData, type EventType } from '@mercato/contracts';
import { allocate, applyChanges, mergeLines, reservationChanges, type AllocatedLine, type OrderLine, type ShortLine } from '../stock/allocation.js';
import { changeStock, combine, emitStockAlerts, stockAlerts } from '../stock/change-stock.js';
import { stockStore, type LockedStock } from '../stock/stock.store.js';
import type { LastSeenStock } from './last-seen-stock.js';
import { REFUSED, reservationsStore, rowKey } from './reservations.store.js';

export interface ReserveOrderInput {
  orderId: string;
  lines: readonly OrderLine[];
  /** The event that asked, recorded in the ledger. */
  eventId?: string;
  ttlSeconds: number;
}

export type ReserveOutcome = 'reserved' | 'rejected' | 'duplicate';

/** What lets a reservation end its transaction with its own statement (`reserveAndCommit`). */
export interface CommitEarly {
  /** The stock rows as this process last saw them: the allocation expected is worked out on them. */
  seen: LastSeenStock;
  /** Nothing runs in the transaction after the reservation (`HandlerContext.endsTransaction`). */
  endsTransaction: boolean;
  /** Told how the order went: reserved with the COMMIT, refused by that statement, or not tried. */
  onOutcome?: (outcome: EarlyOutcome) => void;
}

export type EarlyOutcome = 'committed' | 'refused' | 'not_tried';

const isTx = (q: Queryable): q is Tx => typeof (q as Partial<Tx>).tryCommitWith === 'function';

/**
 * Reserves the order in the statement that commits its transaction, when the rows last seen say
 * what it will find: the allocation worked out on them, no threshold crossed. The statement
 * checks both on the rows it locks and refuses otherwise (then nothing of it stays, and the
 * caller reserves the usual way). Answers `committed` when the order is reserved and committed,
 * `refused` when the statement went and did not go through, `not_tried` when it did not go.
 */
async function reserveAndCommit(tx: Tx, outbox: Outbox, logger: Logger, input: ReserveOrderInput, lines: readonly OrderLine[], expiresAt: Date, seen: LastSeenStock): Promise<EarlyOutcome> {
  const known = seen.get(lines.map((l) => l.sku));
  if (!known) return 'not_tried';
  const result = allocate(lines, known.rows, discontinuedOf(known));
  if (!result.ok) return 'not_tried';
  const combined = combine(reservationChanges(result.lines));
  const next = applyChanges(known.rows, combined);
  if (!next.ok || stockAlerts(known.skus, known.rows, combined, next.rows).crossings.length > 0) return 'not_tried';
  const attempt = await tx.tryCommitWith(() => {
    const event = buildEvent(
      'StockReserved',
      { orderId: input.orderId, expiresAt: expiresAt.toISOString(), lines: result.lines },
      { source: 'inventory', subject: input.orderId, traceparent: currentContext()?.traceparent ?? null },
    );
    return reservationsStore.reserveAndCommit(tx, input.orderId, expiresAt, lines, input.eventId ?? null, result.lines, outbox.insert(tx, [event]));
  });
  if (!attempt.committed) {
    if (attempt.error !== undefined) {
      const refused = (attempt.error as { code?: string }).code === REFUSED;
      logger.debug({ orderId: input.orderId, ...(refused ? { reason: (attempt.error as Error).message } : { err: attempt.error }) }, 'reservation with its commit not taken; reserving as usual');
      return 'refused';
    }
    return 'not_tried';
  }
  const { locked, taken } = attempt.value;
  seen.remember(
    locked.skus,
    locked.rows.map((r) => {
      const quantity = taken.get(rowKey(r.sku, r.warehouseId));
      return quantity === undefined ? r : { ...r, reserved: r.reserved + quantity };
    }),
  );
  return 'committed';
}

const discontinuedOf = (locked: LockedStock) => new Set([...locked.skus.values()].filter((s) => s.discontinued).map((s) => s.sku));

/** Whether what the statement took from each row is what `allocate` gives on the same rows. */
function sameAllocation(lines: readonly AllocatedLine[], taken: ReadonlyMap<string, number>): boolean {
  let rows = 0;
  for (const line of lines) {
    for (const a of line.allocations) {
      rows++;
      if (taken.get(rowKey(line.sku, a.warehouseId)) !== a.quantity) return false;
    }
  }
  return rows === taken.size;
}

/**
 * Reserves every line of an order, all or nothing, across warehouses by priority, in the
 * caller's transaction (the consumer's, with its inbox row): claims the order (a second request
 * for it, under any event id, changes nothing), locks the SKUs and their stock rows in a fixed
 * order, allocates, and writes the levels, the ledger (whose movements are the record of what the
 * order holds where) and StockReserved — or records the rejection and emits StockRejected with
 * the short lines. When the stock suffices this is one statement (`reserveLockingStock`), whose
 * allocation is checked against `allocate` on the rows it locked (a difference throws: the
 * transaction rolls back); a line that falls short reads the stock again under the locks held
 * before refusing, as a row added meanwhile may hold more.
 */
export async function reserveOrder(tx: Queryable, outbox: Outbox, logger: Logger, input: ReserveOrderInput, early?: CommitEarly): Promise<ReserveOutcome> {
  const expiresAt = new Date(Date.now() + input.ttlSeconds * 1000);
  const lines = mergeLines(input.lines);
  if (early?.endsTransaction && isTx(tx)) {
    const outcome = await reserveAndCommit(tx, outbox, logger, input, lines, expiresAt, early.seen);
    early.onOutcome?.(outcome);
    if (outcome === 'committed') return 'reserved';
  }
  const r = await reservationsStore.reserveLockingStock(tx, input.orderId, expiresAt, lines, input.eventId ?? null);
  if (!r.claimed) {
    logger.info({ orderId: input.orderId }, 'order already handled; OrderPlaced changes nothing');
    return 'duplicate';
  }
  let locked = r.locked;
  let result = allocate(lines, locked.rows, discontinuedOf(locked));
  if (r.reserved) {
    if (!result.ok || !sameAllocation(result.lines, r.taken)) throw new Error(`reservation of ${input.orderId} differs from its allocation`);
    const combined = combine(reservationChanges(result.lines));
    const next = applyChanges(locked.rows, combined);
    if (!next.ok) throw new Error(`stock change refused for ${next.change.sku} in ${next.change.warehouseId}`);
    early?.seen.remember(locked.skus, next.rows);
    await emitStockAlerts(tx, outbox, locked, combined, next.rows);
    await outbox.emit(tx, 'StockReserved', { orderId: input.orderId, expiresAt: expiresAt.toISOString(), lines: result.lines }, input.orderId);
    return 'reserved';
  }
  // Nothing was written but the claim.
  if (result.ok) throw new Error(`reservation of ${input.orderId} refused although its allocation fits`);
  if (locked.skus.size > 0) {
    // Before refusing, read the stock again under the locks now held: it may hold more.
    locked = { skus: locked.skus, rows: await stockStore.lockLevels(tx, [...locked.skus.values()]) };
    result = allocate(lines, locked.rows, discontinuedOf(locked));
  }
  if (!result.ok) {
    early?.seen.remember(locked.skus, locked.rows);
    await reject(tx, outbox, input.orderId, result.short);
    return 'rejected';
  }
  const after = await changeStock(tx, outbox, locked, reservationChanges(result.lines), { kind: 'reservation', orderId: input.orderId, eventId: input.eventId });
  early?.seen.remember(locked.skus, after);
  await outbox.emit(tx, 'StockReserved', { orderId: input.orderId, expiresAt: expiresAt.toISOString(), lines: result.lines }, input.orderId);
  return 'reserved';
}

async function reject(tx: Queryable, outbox: Outbox, orderId: string, short: ShortLine[]): Promise<void> {
  await reservationsStore.reject(tx, orderId, short);
  await outbox.emit(tx, 'StockRejected', { orderId, lines: short }, orderId);
}

type Planned =
  | { outcome: 'duplicate' }
  | { outcome: 'rejected'; short: ShortLine[] }
  | { outcome: 'reserved'; lines: AllocatedLine[]; alerts: ReturnType<typeof stockAlerts> };

/**
 * Each order of a run in turn on the rows as the ones before it left them, as if reserved one
 * after the other; an order named again, or not claimed, is a duplicate.
 */
function plan(inputs: readonly ReserveOrderInput[], claimed: ReadonlySet<string>, locked: LockedStock): Planned[] {
  const unavailable = discontinuedOf(locked);
  const seen = new Set<string>();
  let rows = locked.rows;
  return inputs.map((input): Planned => {
    const first = !seen.has(input.orderId);
    seen.add(input.orderId);
    if (!first || !claimed.has(input.orderId)) return { outcome: 'duplicate' };
    const result = allocate(input.lines, rows, unavailable);
    if (!result.ok) return { outcome: 'rejected', short: result.short };
    const combined = combine(reservationChanges(result.lines));
    const next = applyChanges(rows, combined);
    if (!next.ok) throw new Error(`stock change refused for ${next.change.sku} in ${next.change.warehouseId}`);
    const alerts = stockAlerts(locked.skus, rows, combined, next.rows);
    rows = next.rows;
    return { outcome: 'reserved', lines: result.lines, alerts };
  });
}

/**
 * Reserves a run of orders delivered together, with the outcome of reserving each as
 * `reserveOrder` does, one after the other, in the order given: claims them all and locks every
 * SKU and stock row of the run in one statement (claims in order id order, then the stock in
 * the fixed order), allocates each order in turn on what the ones before left, and writes every
 * reservation's levels and ledger in one statement. When an order falls short or a threshold is
 * crossed, the stock is read again under the locks held first (a row added meanwhile may hold
 * more), and the run planned again on it.
 */
export async function reserveOrders(tx: Queryable, outbox: Outbox, logger: Logger, inputs: readonly ReserveOrderInput[], opts: { endsTransaction?: boolean } = {}): Promise<ReserveOutcome[]> {
  if (inputs.length === 1) return [await reserveOrder(tx, outbox, logger, inputs[0]!)];
  const merged = inputs.map((i) => ({ ...i, lines: mergeLines(i.lines) }));
  const expiresAt = new Date(Date.now() + Math.max(...merged.map((i) => i.ttlSeconds)) * 1000);
  const claim = await reservationsStore.claimLockingStock(
    tx,
    merged.map((i) => i.orderId),
    expiresAt,
    merged.flatMap((i) => i.lines.map((l) => l.sku)),
  );
  let locked = claim.locked;
  let planned = plan(merged, claim.claimed, locked);
  const needsFresh = (p: Planned) => p.outcome === 'rejected' || (p.outcome === 'reserved' && (p.alerts.crossings.length > 0 || p.alerts.back.length > 0));
  if (locked.partial && locked.skus.size > 0 && planned.some(needsFresh)) {
    locked = { skus: locked.skus, rows: await stockStore.lockLevels(tx, [...locked.skus.values()]) };
    planned = plan(merged, claim.claimed, locked);
  }
  const movements = planned.flatMap((p, i) =>
    p.outcome === 'reserved'
      ? combine(reservationChanges(p.lines)).map((c) => ({ sku: c.sku, warehouseId: c.warehouseId, quantity: c.reservedDelta, orderId: merged[i]!.orderId, eventId: merged[i]!.eventId ?? null }))
      : [],
  );
  // The refusals first: then the reservations with every event of the run, in the order of the
  // run, can be the transaction's last statement, sent with its COMMIT when nothing follows.
  const traceparent = currentContext()?.traceparent ?? null;
  const event = <T extends EventType>(type: T, data: EventData<T>, subject: string) => buildEvent(type, data, { source: 'inventory', subject, traceparent });
  const events: Envelope[] = [];
  for (const [i, p] of planned.entries()) {
    const { orderId } = merged[i]!;
    if (p.outcome === 'duplicate') {
      logger.info({ orderId }, 'order already handled; OrderPlaced changes nothing');
    } else if (p.outcome === 'rejected') {
      await reservationsStore.reject(tx, orderId, p.short);
      events.push(event('StockRejected', { orderId, lines: p.short }, orderId));
    } else {
      for (const c of p.alerts.crossings) events.push(event('LowStock', c, c.sku));
      for (const r of p.alerts.back) events.push(event('StockReplenished', r, r.sku));
      events.push(event('StockReserved', { orderId, expiresAt: expiresAt.toISOString(), lines: p.lines }, orderId));
    }
  }
  if (movements.length > 0 && opts.endsTransaction) {
    commitWith(tx);
    await stockStore.reserve(tx, movements, outbox.insert(tx, events));
  } else {
    await stockStore.reserve(tx, movements);
    await outbox.add(tx, events);
  }
  return planned.map((p) => p.outcome);
}
