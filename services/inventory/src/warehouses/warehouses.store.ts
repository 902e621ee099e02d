import type { Queryable } from '@mercato/chassis';

export interface Warehouse {
  id: string;
  code: string;
  name: string;
  priority: number;
  isDefault: boolean;
  createdAt: Date;
  updatedAt: Date;
}

interface WarehouseRow extends Record<string, unknown> {
  id: string;
  code: string;
  name: string;
  priority: number;
  is_default: boolean;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = 'id, code, name, priority, is_default, created_at, updated_at';
const toWarehouse = (r: WarehouseRow): Warehouse => ({
  id: r.id,
  code: r.code,
  name: r.name,
  priority: r.priority,
  isDefault: r.is_default,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** The only code that reads or writes `warehouses`. */
export const warehousesStore = {
  /** Every warehouse in reservation order: priority, then id. */
  async list(q: Queryable): Promise<Warehouse[]> {
    const r = await q.query<WarehouseRow>(`SELECT ${COLUMNS} FROM warehouses ORDER BY priority, id`);
    return r.rows.map(toWarehouse);
  },

  async count(q: Queryable): Promise<number> {
    const r = await q.query<{ n: number }>('SELECT count(*)::int AS n FROM warehouses');
    return r.rows[0]!.n;
  },

  async byCode(q: Queryable, code: string): Promise<Warehouse | undefined> {
    const r = await q.query<WarehouseRow>(`SELECT ${COLUMNS} FROM warehouses WHERE code = $1`, [code]);
    return r.rows[0] && toWarehouse(r.rows[0]);
  },

  async defaultWarehouse(q: Queryable): Promise<Warehouse> {
    const r = await q.query<WarehouseRow>(`SELECT ${COLUMNS} FROM warehouses WHERE is_default`);
    if (!r.rows[0]) throw new Error('no default warehouse');
    return toWarehouse(r.rows[0]);
  },

  /** Inserts a warehouse unless its code is taken; undefined when taken. */
  async insert(q: Queryable, w: { id: string; code: string; name: string; priority: number }): Promise<Warehouse | undefined> {
    const r = await q.query<WarehouseRow>(
      `INSERT INTO warehouses (id, code, name, priority) VALUES ($1, $2, $3, $4) ON CONFLICT (code) DO NOTHING RETURNING ${COLUMNS}`,
      [w.id, w.code, w.name, w.priority],
    );
    return r.rows[0] && toWarehouse(r.rows[0]);
  },

  async update(q: Queryable, code: string, fields: { name?: string; priority?: number }): Promise<Warehouse | undefined> {
    const r = await q.query<WarehouseRow>(
      `UPDATE warehouses SET name = coalesce($2, name), priority = coalesce($3, priority), updated_at = now()
        WHERE code = $1 RETURNING ${COLUMNS}`,
      [code, fields.name ?? null, fields.priority ?? null],
    );
    return r.rows[0] && toWarehouse(r.rows[0]);
  },
};
