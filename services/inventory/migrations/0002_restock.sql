-- A confirmed order cancelled before it ships gets its committed stock back on hand: a `restock`
-- movement per stock row (on hand up, reserved unchanged, against the order), and its
-- reservation ends `restocked`, a terminal status, so a second cancellation changes nothing.
ALTER TABLE stock_movements
  DROP CONSTRAINT stock_movements_kind_check,
  ADD CONSTRAINT stock_movements_kind_check
    CHECK (kind IN ('adjustment', 'seed', 'reservation', 'release', 'expiry', 'commit', 'restock')),
  -- The unnamed check of 0001 (movements of an order's kinds, and only they, name the order).
  DROP CONSTRAINT stock_movements_check1,
  ADD CONSTRAINT stock_movements_order_kind_check
    CHECK ((kind IN ('reservation', 'release', 'expiry', 'commit', 'restock')) = (order_id IS NOT NULL)),
  ADD CONSTRAINT stock_movements_restock_check
    CHECK (kind <> 'restock' OR (on_hand_delta > 0 AND reserved_delta = 0));
-- An order's stock row is restocked at most once: the last guard against putting stock back twice.
CREATE UNIQUE INDEX stock_movements_restock_once_idx ON stock_movements (order_id, sku, warehouse_id) WHERE kind = 'restock';

ALTER TABLE reservations
  DROP CONSTRAINT reservations_status_check,
  ADD CONSTRAINT reservations_status_check
    CHECK (status IN ('reserved', 'rejected', 'released', 'expired', 'committed', 'restocked'));
