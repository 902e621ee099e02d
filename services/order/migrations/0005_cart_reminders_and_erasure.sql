-- When a signed-in customer's cart was found abandoned and CartAbandoned emitted: once per cart.
ALTER TABLE carts ADD COLUMN abandonment_noticed_at timestamptz;
CREATE INDEX carts_abandoned_idx ON carts (updated_at)
  WHERE status = 'open' AND owner_user_id IS NOT NULL AND abandonment_noticed_at IS NULL;
-- Orders of an erased customer are kept for the books, without the person: this says when.
ALTER TABLE orders ADD COLUMN anonymised_at timestamptz;
