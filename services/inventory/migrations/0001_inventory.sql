-- Warehouses. Reservations draw from them in priority order (lower first, then by id). Exactly
-- one is the default: new SKUs get their first stock record there, demo stock is seeded there.
CREATE TABLE warehouses (
  id         text PRIMARY KEY,
  code       text NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9][a-z0-9-]{0,31}$'),
  name       text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  priority   integer NOT NULL CHECK (priority BETWEEN 0 AND 1000000),
  is_default boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX warehouses_one_default_idx ON warehouses (is_default) WHERE is_default;
INSERT INTO warehouses (id, code, name, priority, is_default)
VALUES ('whs_00000000000000000000000000', 'main', 'Main warehouse', 100, true);

-- One row per SKU known to inventory (from catalog events or seeding). The row is the SKU's
-- lock: every change of its stock locks it first, so totals over warehouses are consistent.
CREATE TABLE skus (
  sku             text PRIMARY KEY CHECK (sku ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$'),
  product_id      text,
  variant_id      text,
  threshold       integer NOT NULL DEFAULT 0 CHECK (threshold BETWEEN 0 AND 1000000000),
  discontinued_at timestamptz,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX skus_product_idx ON skus (product_id);

-- Stock of one SKU in one warehouse. available = on_hand - reserved, never negative.
CREATE TABLE stock_levels (
  sku          text NOT NULL REFERENCES skus (sku),
  warehouse_id text NOT NULL REFERENCES warehouses (id),
  on_hand      integer NOT NULL DEFAULT 0 CONSTRAINT on_hand_not_negative CHECK (on_hand >= 0),
  reserved     integer NOT NULL DEFAULT 0 CONSTRAINT reserved_not_negative CHECK (reserved >= 0),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (sku, warehouse_id),
  CONSTRAINT reserved_within_on_hand CHECK (reserved <= on_hand)
) WITH (fillfactor = 70); -- room on each page for in-place (HOT) updates: every order updates these rows

-- The ledger: every change of on_hand or reserved, append-only. on_hand is the sum of
-- on_hand_delta, reserved the sum of reserved_delta, per (sku, warehouse). It is also the record
-- of what an order holds where: the sum of its movements' reserved_delta per stock row. (No
-- foreign key to stock_levels: its check would lock the row once more on every movement.)
CREATE TABLE stock_movements (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  sku            text NOT NULL,
  warehouse_id   text NOT NULL,
  kind           text NOT NULL CHECK (kind IN ('adjustment', 'seed', 'reservation', 'release', 'expiry', 'commit')),
  on_hand_delta  integer NOT NULL,
  reserved_delta integer NOT NULL,
  order_id       text,
  adjustment_id  text,
  reason         text CHECK (length(reason) <= 500),
  actor_user_id  text,
  event_id       text,
  created_at     timestamptz NOT NULL DEFAULT now(),
  CHECK (on_hand_delta <> 0 OR reserved_delta <> 0),
  CHECK ((kind IN ('reservation', 'release', 'expiry', 'commit')) = (order_id IS NOT NULL))
);
CREATE INDEX stock_movements_sku_idx ON stock_movements (sku, id DESC);
CREATE INDEX stock_movements_order_idx ON stock_movements (order_id) WHERE order_id IS NOT NULL;
-- Seeding applies once per SKU and reason, across restarts.
CREATE UNIQUE INDEX stock_movements_seed_once_idx ON stock_movements (sku, reason) WHERE kind = 'seed';

CREATE FUNCTION stock_movements_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'stock_movements is append-only';
END $$;
CREATE TRIGGER stock_movements_append_only BEFORE UPDATE OR DELETE ON stock_movements
  FOR EACH ROW EXECUTE FUNCTION stock_movements_append_only();

-- One row per order that inventory has seen: the per-order idempotency record. Its status
-- moves reserved → released | expired | committed, or is rejected (or released, for a
-- cancellation that arrived first) from the start; a later OrderPlaced for the order is a no-op.
-- What a reservation holds where is in the ledger (its movements), not repeated here.
CREATE TABLE reservations (
  order_id   text PRIMARY KEY,
  status     text NOT NULL CHECK (status IN ('reserved', 'rejected', 'released', 'expired', 'committed')),
  -- The lines that fell short ([{sku, requested, available}]) when rejected.
  short_lines jsonb,
  expires_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  closed_at  timestamptz,
  CHECK ((status = 'reserved') = (closed_at IS NULL)),
  CHECK (status <> 'reserved' OR expires_at IS NOT NULL)
);
-- The sweeper's work list: open reservations by expiry.
CREATE INDEX reservations_expiry_idx ON reservations (expires_at) WHERE status = 'reserved';
