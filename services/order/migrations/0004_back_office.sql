-- What the back office reads: the dashboard's figures and the staff order list.

-- The dashboard's figures per day of the shop (in ORDER_TIME_ZONE), currency and current status,
-- rolled up from the orders: a range of a year is at most a few thousand rows to add, whatever the
-- number of orders. A day is recomputed whole from its orders whenever one of them changed
-- (found by updated_at), so a figure is never adjusted by deltas that could drift.
CREATE TABLE order_stats_days (
  day       date NOT NULL,
  currency  text NOT NULL,
  status    text NOT NULL,
  orders    integer NOT NULL,
  confirmed integer NOT NULL,
  revenue   bigint NOT NULL,
  refunded  bigint NOT NULL,
  PRIMARY KEY (day, currency, status)
);
-- How far the roll-up has taken in the orders' changes, and in which time zone it counts days.
CREATE TABLE order_stats_state (
  singleton    boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  time_zone    text NOT NULL,
  refreshed_to timestamptz NOT NULL
);
-- The orders changed since the last refresh.
CREATE INDEX orders_updated_idx ON orders (updated_at);
-- Recomputing a day reads only this index (index-only): its orders' time, currency, status and amounts.
CREATE INDEX orders_stats_idx ON orders (created_at) INCLUDE (currency, status, total, refunded_amount, confirmed_at);

-- The staff list: by status newest first; search by an order id or an email prefix.
CREATE INDEX orders_status_created_idx ON orders (status, created_at DESC, id DESC);
CREATE INDEX orders_email_search_idx ON orders (lower(email) text_pattern_ops);
CREATE INDEX orders_id_search_idx ON orders (id text_pattern_ops);
