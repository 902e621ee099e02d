-- The checkout saga: what an order learns on its way (stock, payment, shipment, refunds), its
-- history, and the refunds it asked for.

ALTER TABLE orders
  -- when StockReserved moved it to awaiting_payment: the payment must succeed before this, or
  -- the order is cancelled (payment_timeout); never later than the reservation's expiry
  ADD COLUMN payment_deadline timestamptz,
  ADD COLUMN payment_id       text,
  -- the customer's next step (e.g. 3-D Secure) while awaiting payment
  ADD COLUMN next_action_url  text,
  -- what the provider captured for this order, and what has been asked back and given back
  ADD COLUMN paid_amount      bigint NOT NULL DEFAULT 0 CHECK (paid_amount >= 0),
  ADD COLUMN refund_requested bigint NOT NULL DEFAULT 0 CHECK (refund_requested >= 0),
  ADD COLUMN refunded_amount  bigint NOT NULL DEFAULT 0 CHECK (refunded_amount >= 0),
  ADD COLUMN carrier          text CHECK (length(carrier) BETWEEN 1 AND 100),
  ADD COLUMN tracking_number  text CHECK (length(tracking_number) BETWEEN 1 AND 100),
  ADD COLUMN confirmed_at     timestamptz,
  ADD COLUMN shipped_at       timestamptz,
  ADD COLUMN delivered_at     timestamptz,
  ADD COLUMN cancelled_at     timestamptz,
  ADD CONSTRAINT orders_refunds_within_capture CHECK (refund_requested <= paid_amount AND refunded_amount <= paid_amount);

-- A charged order that was cancelled ends `refunded` once its money is back, and keeps the reason.
ALTER TABLE orders DROP CONSTRAINT orders_check;
ALTER TABLE orders ADD CONSTRAINT orders_cancel_reason_status
  CHECK ((status = 'cancelled' AND cancel_reason IS NOT NULL) OR (status <> 'cancelled' AND (cancel_reason IS NULL OR status = 'refunded')));

-- What the payment-timeout sweeper scans: only orders awaiting payment.
CREATE INDEX orders_payment_deadline_idx ON orders (payment_deadline) WHERE status = 'awaiting_payment';
-- A customer's orders newest first, with a stable tiebreak for cursors.
DROP INDEX orders_user_idx;
CREATE INDEX orders_user_idx ON orders (user_id, created_at DESC, id DESC) WHERE user_id IS NOT NULL;
CREATE INDEX orders_created_idx ON orders (created_at DESC, id DESC);

-- Every move of every order: from, to, why and who (an event id or a caller).
CREATE TABLE order_history (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  order_id   text NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  from_status text,
  to_status  text NOT NULL,
  reason     text,
  -- 'event:<type>:<id>', 'user:<id>', 'guest', 'system:<job>'
  actor      text NOT NULL,
  at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX order_history_order_idx ON order_history (order_id, id);

-- Refunds the order service asked payment for (RefundRequested), and what came of them.
CREATE TABLE order_refunds (
  id           text PRIMARY KEY,
  order_id     text NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  amount       bigint NOT NULL CHECK (amount > 0),
  reason       text NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
  status       text NOT NULL DEFAULT 'requested' CHECK (status IN ('requested', 'refunded')),
  requested_by text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  refunded_at  timestamptz
);
CREATE INDEX order_refunds_order_idx ON order_refunds (order_id);
