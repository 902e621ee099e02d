-- Orders, created by the checkout from a cart. Lines, addresses and totals are a snapshot taken
-- at checkout: later catalog changes do not touch an order. The saga that moves an order on
-- (stock, payment) adds its own columns and tables later; `version` is there for it.
CREATE TABLE orders (
  id               text PRIMARY KEY,
  cart_id          text NOT NULL UNIQUE,
  user_id          text,
  email            text NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
  status           text NOT NULL DEFAULT 'pending'
                   CHECK (status IN ('pending', 'awaiting_payment', 'confirmed', 'shipped', 'delivered', 'cancelled', 'refunded')),
  cancel_reason    text CHECK (cancel_reason IN ('out_of_stock', 'payment_declined', 'payment_timeout', 'customer')),
  currency         text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  -- [{sku, productId, variantId, title, slug, quantity, unitPrice, lineTotal}] in minor units
  lines            jsonb NOT NULL,
  shipping_address jsonb NOT NULL,
  billing_address  jsonb,
  subtotal         bigint NOT NULL CHECK (subtotal >= 0),
  shipping         bigint NOT NULL CHECK (shipping >= 0),
  tax              bigint NOT NULL CHECK (tax >= 0),
  total            bigint NOT NULL CHECK (total >= 0),
  tax_rate         numeric(7, 6) NOT NULL,
  prices_include_tax boolean NOT NULL,
  -- {provider, paymentMethod}: what PaymentRequested will carry
  payment          jsonb NOT NULL,
  -- SHA-256 of a guest order's access token (the raw token is answered once, by the checkout)
  access_token_hash bytea UNIQUE,
  version          integer NOT NULL DEFAULT 1,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'cancelled') = (cancel_reason IS NOT NULL)),
  CHECK (user_id IS NOT NULL OR access_token_hash IS NOT NULL)
);
CREATE INDEX orders_user_idx ON orders (user_id, created_at DESC) WHERE user_id IS NOT NULL;

-- Idempotency of POST /checkout. A key is claimed (in_flight) in its own committed statement
-- before the work; the successful answer is stored in the same transaction as the order, a 4xx
-- answer right after it; a 5xx or crash releases the claim. Keys live 24 hours.
CREATE TABLE idempotency_keys (
  key             text NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
  -- the caller's user id, or 'guest'
  scope           text NOT NULL,
  request_hash    bytea NOT NULL,
  status          text NOT NULL CHECK (status IN ('in_flight', 'done')),
  response_status integer,
  response_body   jsonb,
  created_at      timestamptz NOT NULL DEFAULT now(),
  claimed_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (scope, key),
  CHECK ((status = 'done') = (response_status IS NOT NULL))
);
CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at);
