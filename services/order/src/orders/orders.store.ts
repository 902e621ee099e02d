import { prepared, type OutboxInsert, type Queryable } from '@mercato/chassis';
import type { SqlFragment } from '../idempotency/idempotency.store.js';
import type { Address, HistoryEntry, Order, OrderLine, OrderTotals, PaymentChoice } from './order.js';
import { isSettled, type OrderStatus } from './order-states.js';
import type { OrderChanges, Transition } from './order-transitions.js';

interface RawOrder extends Record<string, unknown> {
  id: string;
  cart_id: string;
  user_id: string | null;
  email: string;
  status: OrderStatus;
  cancel_reason: string | null;
  currency: string;
  lines: OrderLine[];
  shipping_address: Address;
  billing_address: Address | null;
  subtotal: string;
  shipping: string;
  tax: string;
  total: string;
  tax_rate: string;
  prices_include_tax: boolean;
  payment: PaymentChoice;
  payment_deadline: Date | null;
  payment_id: string | null;
  next_action_url: string | null;
  paid_amount: string;
  refund_requested: string;
  refunded_amount: string;
  carrier: string | null;
  tracking_number: string | null;
  confirmed_at: Date | null;
  shipped_at: Date | null;
  delivered_at: Date | null;
  cancelled_at: Date | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}
const COLUMNS = `id, cart_id, user_id, email, status, cancel_reason, currency, lines, shipping_address, billing_address,
  subtotal, shipping, tax, total, tax_rate, prices_include_tax, payment, payment_deadline, payment_id, next_action_url,
  paid_amount, refund_requested, refunded_amount, carrier, tracking_number, confirmed_at, shipped_at, delivered_at,
  cancelled_at, version, created_at, updated_at`;

const toOrder = (r: RawOrder): Order => ({
  id: r.id,
  cartId: r.cart_id,
  userId: r.user_id,
  email: r.email,
  status: r.status,
  cancelReason: r.cancel_reason,
  currency: r.currency,
  lines: r.lines,
  shippingAddress: r.shipping_address,
  billingAddress: r.billing_address,
  totals: {
    subtotal: Number(r.subtotal),
    shipping: Number(r.shipping),
    tax: Number(r.tax),
    total: Number(r.total),
    taxRate: Number(r.tax_rate),
    pricesIncludeTax: r.prices_include_tax,
  },
  payment: r.payment,
  paymentDeadline: r.payment_deadline,
  paymentId: r.payment_id,
  nextActionUrl: r.next_action_url,
  paidAmount: Number(r.paid_amount),
  refundRequested: Number(r.refund_requested),
  refundedAmount: Number(r.refunded_amount),
  carrier: r.carrier,
  trackingNumber: r.tracking_number,
  confirmedAt: r.confirmed_at,
  shippedAt: r.shipped_at,
  deliveredAt: r.delivered_at,
  cancelledAt: r.cancelled_at,
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export interface NewOrder {
  id: string;
  cartId: string;
  userId: string | null;
  email: string;
  currency: string;
  lines: OrderLine[];
  shippingAddress: Address;
  billingAddress: Address | null;
  totals: OrderTotals;
  payment: PaymentChoice;
  accessTokenHash: Buffer | null;
}

/** An order's status, and the step its customer must take (e.g. 3-D Secure) while it awaits payment. */
export interface CheckoutState {
  status: OrderStatus;
  nextActionUrl: string | null;
}

export interface OrderPageQuery {
  userId?: string;
  status?: OrderStatus;
  currency?: string;
  from?: Date;
  to?: Date;
  minTotal?: number;
  maxTotal?: number;
  /** A prefix of the order id or of the email. */
  search?: string;
  afterId?: string;
  limit: number;
}

/** A refund the order service asked payment for. */
export interface RefundRecord {
  id: string;
  amount: number;
  reason: string;
  status: 'requested' | 'refunded';
  requestedBy: string;
  requestedAt: Date;
  refundedAt: Date | null;
}

/** An order as stored: with the hash of a guest order's access token (never shown). */
export type StoredOrder = Order & { accessTokenHash: Buffer | null };

/** The channel an order's id is sent on when it settles (NOTIFY, delivered at commit). */
export const SETTLED_CHANNEL = 'order_settled';

/** The only SQL on orders. */
export const ordersStore = {
  /** How many orders are in each state (metrics). */
  async countByStatus(q: Queryable): Promise<Array<{ status: string; n: number }>> {
    return (await q.query<{ status: string; n: number }>('SELECT status, count(*)::int AS n FROM orders GROUP BY status')).rows;
  },

  /**
   * Places an order from its cart: the order row, its first history entry, and its cart closed by
   * the checkout (`checked_out`, keeping its lines, no longer expiring, with the country shipped
   * to), its events (`Outbox.insert`) and the checkout's stored answer (the idempotency key's
   * completion) — one statement. The order is placed `pending`.
   */
  async place(tx: Queryable, o: NewOrder, shippingCountry: string, events: OutboxInsert, answer: SqlFragment): Promise<Order> {
    const r = await prepared<RawOrder>(
      tx,
      'order_place',
      `WITH placed AS (
         INSERT INTO orders (id, cart_id, user_id, email, status, currency, lines, shipping_address, billing_address,
                             subtotal, shipping, tax, total, tax_rate, prices_include_tax, payment, access_token_hash)
         VALUES ($1, $2, $3, $4, 'pending', $5, $6::jsonb, $7::jsonb, $8::jsonb, $9, $10, $11, $12, $13, $14, $15::jsonb, $16)
         RETURNING *
       ), logged AS (
         INSERT INTO order_history (order_id, from_status, to_status, actor) SELECT id, NULL, status, $17 FROM placed
       ), closed AS (
         UPDATE carts SET status = 'checked_out', shipping_country = $18, expires_at = NULL, updated_at = now() WHERE id = $2
       ), events AS (
         ${events.sql(19)}
       ), answered AS (
         ${answer.sql(19 + events.params.length)}
       )
       SELECT ${COLUMNS} FROM placed`,
      [
        o.id,
        o.cartId,
        o.userId,
        o.email,
        o.currency,
        JSON.stringify(o.lines),
        JSON.stringify(o.shippingAddress),
        o.billingAddress === null ? null : JSON.stringify(o.billingAddress),
        o.totals.subtotal,
        o.totals.shipping,
        o.totals.tax,
        o.totals.total,
        o.totals.taxRate,
        o.totals.pricesIncludeTax,
        JSON.stringify(o.payment),
        o.accessTokenHash,
        o.userId === null ? 'guest' : `user:${o.userId}`,
        shippingCountry,
        ...events.params,
        ...answer.params,
      ],
    );
    return toOrder(r.rows[0]!);
  },

  async byId(db: Queryable, id: string): Promise<StoredOrder | undefined> {
    const r = await db.query<RawOrder & { access_token_hash: Buffer | null }>(`SELECT ${COLUMNS}, access_token_hash FROM orders WHERE id = $1`, [id]);
    const row = r.rows[0];
    return row ? { ...toOrder(row), accessTokenHash: row.access_token_hash } : undefined;
  },

  /** What a checkout's answer tells of an order now: its status and a step left to the customer. */
  async checkoutStateOf(db: Queryable, id: string): Promise<CheckoutState | undefined> {
    const r = await prepared<{ status: OrderStatus; next_action_url: string | null }>(db, 'order_checkout_state', 'SELECT status, next_action_url FROM orders WHERE id = $1', [id]);
    const row = r.rows[0];
    return row ? { status: row.status, nextActionUrl: row.next_action_url } : undefined;
  },

  /** Locks orders (in id order, so two runs never deadlock) for the rest of the transaction. */
  async lock(tx: Queryable, ids: readonly string[]): Promise<Map<string, StoredOrder>> {
    const sorted = [...new Set(ids)].sort();
    const r = await prepared<RawOrder & { access_token_hash: Buffer | null }>(
      tx,
      'order_lock',
      `SELECT ${COLUMNS}, access_token_hash FROM orders WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE`,
      [sorted],
    );
    return new Map(r.rows.map((row) => [row.id, { ...toOrder(row), accessTokenHash: row.access_token_hash }]));
  },

  /**
   * Writes the transitions of one or more locked orders that share one shape (`transitionShape`:
   * the same fields changed, the same parts written), in one statement: for each order its changes
   * guarded by the status each was decided on, the history row of a move, the refund request it
   * asks for or the one payment reports done, the wake-up of its waiting checkouts (at commit) when
   * it settles or waits for its customer — and the events of all of them (`Outbox.insert`, in the
   * order given). The rows travel as one array
   * per column, so the statement's text depends on the shape only (prepared once per shape).
   * Answers each order as stored now, by id; an order that left its status under the caller's
   * lock is a bug, and throws (the transaction, events included, rolls back). Each order once.
   */
  async applyRun(tx: Queryable, run: ReadonlyArray<{ order: Order; t: Transition; actor: string }>, events?: OutboxInsert): Promise<Map<string, Order>> {
    const first = run[0];
    if (!first) return new Map();
    const shape = transitionShape(first.t);
    const columns = changedFields(first.t);
    const arrays: unknown[][] = [run.map((x) => x.order.id), run.map((x) => x.order.status), run.map((x) => x.actor)];
    const inputs = ['id', 'from_status', 'actor'];
    const types = ['text', 'text', 'text'];
    const column = (name: string, type: string, values: unknown[]) => {
      inputs.push(name);
      types.push(type);
      arrays.push(values);
      return `i.${name}`;
    };
    let sets = '';
    columns.forEach((field, k) => {
      const c = COLUMN_OF[field];
      if (!c) throw new Error(`not a changeable order field: ${field}`);
      sets += `${c} = ${column(`c${k}`, COLUMN_TYPE[field], run.map((x) => x.t.changes[field]))}, `;
    });
    const parts = [];
    if (first.t.move) {
      const reason = column('reason', 'text', run.map((x) => x.t.move?.reason ?? null));
      parts.push(`logged AS (
         INSERT INTO order_history (order_id, from_status, to_status, reason, actor)
         SELECT m.id, i.from_status, m.status, ${reason}, i.actor FROM moved m JOIN input i ON i.id = m.id ORDER BY i.n
       )`);
    }
    if (first.t.refund) {
      const id = column('refund_id', 'text', run.map((x) => x.t.refund?.id ?? null));
      const amount = column('refund_amount', 'bigint', run.map((x) => x.t.refund?.amount ?? null));
      const reason = column('refund_reason', 'text', run.map((x) => x.t.refund?.reason ?? null));
      parts.push(`asked AS (
         INSERT INTO order_refunds (id, order_id, amount, reason, requested_by)
         SELECT ${id}, m.id, ${amount}, ${reason}, i.actor FROM moved m JOIN input i ON i.id = m.id ORDER BY i.n
       )`);
    }
    if (first.t.refundDone !== null) {
      const done = column('refund_done', 'text', run.map((x) => x.t.refundDone));
      parts.push(`done AS (
         UPDATE order_refunds r SET status = 'refunded', refunded_at = now()
           FROM input i WHERE r.id = ${done} AND r.status = 'requested' AND EXISTS (SELECT 1 FROM moved m WHERE m.id = i.id)
       )`);
    }
    const params: unknown[] = [...arrays];
    if (events) {
      const at = params.length + 1;
      params.push(...events.params);
      parts.push(`events AS (
         ${events.sql(at)}
       )`);
    }
    const notify = notifies(first.t);
    const r = await prepared<RawOrder>(
      tx,
      `order_apply_${shape}${events ? 'o' : ''}`,
      `WITH input AS (
         SELECT * FROM unnest(${types.map((type, k) => `$${k + 1}::${type}[]`).join(', ')}) WITH ORDINALITY AS i(${inputs.join(', ')}, n)
       ), moved AS (
         UPDATE orders o SET ${sets}version = o.version + 1, updated_at = now()
           FROM input i WHERE o.id = i.id AND o.status = i.from_status RETURNING o.*
       )${parts.map((x) => `, ${x}`).join('')}
       SELECT ${COLUMNS}${notify ? `, pg_notify('${SETTLED_CHANNEL}', id || ':' || status) AS notified` : ''} FROM moved`,
      params,
    );
    const moved = new Map(r.rows.map((row) => [row.id, toOrder(row)]));
    for (const x of run) if (!moved.has(x.order.id)) throw new Error(`order ${x.order.id} left ${x.order.status} under its lock`);
    if (moved.size !== run.length) throw new Error('a run of order moves named an order twice');
    return moved;
  },

  async history(db: Queryable, id: string): Promise<HistoryEntry[]> {
    const r = await db.query<{ from_status: OrderStatus | null; to_status: OrderStatus; reason: string | null; actor: string; at: Date }>(
      'SELECT from_status, to_status, reason, actor, at FROM order_history WHERE order_id = $1 ORDER BY id',
      [id],
    );
    return r.rows.map((h) => ({ from: h.from_status, to: h.to_status, reason: h.reason, actor: h.actor, at: h.at }));
  },

  /** A page of orders, newest first, after a keyset position; filters are ANDed. */
  async page(db: Queryable, q: OrderPageQuery): Promise<Order[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const p = (v: unknown) => `$${params.push(v)}`;
    if (q.userId !== undefined) where.push(`user_id = ${p(q.userId)}`);
    if (q.status !== undefined) where.push(`status = ${p(q.status)}`);
    if (q.currency !== undefined) where.push(`currency = ${p(q.currency)}`);
    if (q.from !== undefined) where.push(`created_at >= ${p(q.from)}`);
    if (q.to !== undefined) where.push(`created_at < ${p(q.to)}`);
    if (q.minTotal !== undefined) where.push(`total >= ${p(q.minTotal)}`);
    if (q.maxTotal !== undefined) where.push(`total <= ${p(q.maxTotal)}`);
    if (q.search !== undefined) {
      // Prefixes of an order id or of an email (both indexed with text_pattern_ops).
      const prefix = p(`${q.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      where.push(`(id LIKE ${prefix} OR lower(email) LIKE lower(${prefix}))`);
    }
    if (q.afterId !== undefined) where.push(`(created_at, id) < (SELECT created_at, id FROM orders WHERE id = ${p(q.afterId)})`);
    const r = await db.query<RawOrder>(
      `SELECT ${COLUMNS} FROM orders ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY created_at DESC, id DESC LIMIT ${p(q.limit)}`,
      params,
    );
    return r.rows.map(toOrder);
  },

  async refunds(db: Queryable, orderId: string): Promise<RefundRecord[]> {
    const r = await db.query<{ id: string; amount: string; reason: string; status: 'requested' | 'refunded'; requested_by: string; created_at: Date; refunded_at: Date | null }>(
      'SELECT id, amount, reason, status, requested_by, created_at, refunded_at FROM order_refunds WHERE order_id = $1 ORDER BY created_at, id',
      [orderId],
    );
    return r.rows.map((x) => ({ id: x.id, amount: Number(x.amount), reason: x.reason, status: x.status, requestedBy: x.requested_by, requestedAt: x.created_at, refundedAt: x.refunded_at }));
  },

  /** Claims up to `limit` orders whose payment deadline has passed (other sweepers skip them). */
  async claimOverdue(tx: Queryable, limit: number): Promise<Order[]> {
    const r = await tx.query<RawOrder>(
      `SELECT ${COLUMNS} FROM orders WHERE status = 'awaiting_payment' AND payment_deadline < now()
        ORDER BY payment_deadline LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [limit],
    );
    return r.rows.map(toOrder);
  },

};

/** The column of each field a transition may change. */
const COLUMN_OF: Readonly<Record<keyof OrderChanges, string>> = {
  status: 'status',
  cancelReason: 'cancel_reason',
  paymentDeadline: 'payment_deadline',
  paymentId: 'payment_id',
  nextActionUrl: 'next_action_url',
  paidAmount: 'paid_amount',
  refundRequested: 'refund_requested',
  refundedAmount: 'refunded_amount',
  carrier: 'carrier',
  trackingNumber: 'tracking_number',
  confirmedAt: 'confirmed_at',
  shippedAt: 'shipped_at',
  deliveredAt: 'delivered_at',
  cancelledAt: 'cancelled_at',
};
/** The SQL type of each field a transition may change (the arrays of a run of moves). */
const COLUMN_TYPE: Readonly<Record<keyof OrderChanges, string>> = {
  status: 'text',
  cancelReason: 'text',
  paymentDeadline: 'timestamptz',
  paymentId: 'text',
  nextActionUrl: 'text',
  paidAmount: 'bigint',
  refundRequested: 'bigint',
  refundedAmount: 'bigint',
  carrier: 'text',
  trackingNumber: 'text',
  confirmedAt: 'timestamptz',
  shippedAt: 'timestamptz',
  deliveredAt: 'timestamptz',
  cancelledAt: 'timestamptz',
};
/** Names the prepared statement of each shape of change (a short index per field). */
const FIELD_INDEX = new Map(Object.keys(COLUMN_OF).sort().map((f, i) => [f, i.toString(36)]));

/** The fields a transition changes (set, possibly to null), sorted. */
const changedFields = (t: Transition): Array<keyof OrderChanges> =>
  (Object.keys(t.changes) as Array<keyof OrderChanges>).filter((f) => t.changes[f] !== undefined).sort();

/** Whether writing `t` wakes the checkouts waiting on its order (it settles, or its customer has a step to take). */
const notifies = (t: Transition): boolean => t.wakeWaiters || (t.move !== null && isSettled(t.move.to) && !isSettled(t.move.from));

/**
 * What a transition's statement looks like, its events aside: the fields it changes and the parts
 * it writes. Transitions of one shape can be written together (`ordersStore.applyRun`).
 */
export function transitionShape(t: Transition): string {
  return [
    changedFields(t)
      .map((f) => FIELD_INDEX.get(f))
      .join('_'),
    t.move ? 'm' : '',
    t.refund ? 'r' : '',
    t.refundDone !== null ? 'd' : '',
    notifies(t) ? 'n' : '',
  ].join('');
}
