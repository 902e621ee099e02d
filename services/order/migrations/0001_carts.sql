-- The order service's projection of the catalog, built from catalog events (ProductCreated,
-- ProductUpdated, ProductDeleted, PriceChanged). Carts read it instead of calling the catalog,
-- so they keep working while the catalog is down.

-- One row per product seen. facts_at is the occurredAt of the latest whole-product event applied
-- (created, updated or deleted); an older one arriving late changes nothing. NULL while only a
-- PriceChanged has been seen.
CREATE TABLE catalog_products (
  product_id text PRIMARY KEY,
  facts_at   timestamptz,
  deleted    boolean NOT NULL DEFAULT false,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- One row per SKU. status 'removed': its product was deleted or the variant dropped;
-- 'pending': only a price has been seen so far. prices: currency → {"amount": n | null, "at": iso},
-- each with the occurredAt of the event that set it, so prices are order-safe per currency.
CREATE TABLE catalog_skus (
  sku        text PRIMARY KEY CHECK (sku ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$'),
  product_id text NOT NULL REFERENCES catalog_products (product_id),
  variant_id text NOT NULL,
  title      text,
  slug       text,
  status     text NOT NULL CHECK (status IN ('pending', 'draft', 'published', 'archived', 'removed')),
  prices     jsonb NOT NULL DEFAULT '{}'::jsonb,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX catalog_skus_product_idx ON catalog_skus (product_id);

-- Carts. The public id is a capability (crt_ + 32 random base64url characters); only its SHA-256
-- is stored, so a copy of this table does not open anyone's cart. A cart owned by a user also
-- keeps its public id (owner_public_id): the owner's token, not the id, is what opens it.
CREATE TABLE carts (
  id               text PRIMARY KEY,
  token_hash       bytea NOT NULL UNIQUE,
  owner_user_id    text,
  owner_public_id  text,
  currency         text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  shipping_country text CHECK (shipping_country ~ '^[A-Z]{2}$'),
  status           text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'merged', 'checked_out')),
  merged_into      text REFERENCES carts (id) ON DELETE SET NULL,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  -- Guest carts expire after ORDER_CART_TTL_DAYS without a change; owned carts do not (NULL).
  expires_at       timestamptz,
  CHECK ((owner_user_id IS NULL) = (owner_public_id IS NULL))
);
-- A user has at most one open cart: the one a guest cart merges into.
CREATE UNIQUE INDEX carts_one_open_per_user_idx ON carts (owner_user_id) WHERE status = 'open' AND owner_user_id IS NOT NULL;
CREATE INDEX carts_expiry_idx ON carts (expires_at) WHERE expires_at IS NOT NULL;

-- Lines of a cart, one per SKU. unit_price_seen is the price the shopper last saw (when the line
-- was added or changed): a read compares it with the current price and flags a change.
CREATE TABLE cart_items (
  cart_id         text NOT NULL REFERENCES carts (id) ON DELETE CASCADE,
  sku             text NOT NULL,
  quantity        integer NOT NULL CHECK (quantity BETWEEN 1 AND 99),
  unit_price_seen bigint NOT NULL CHECK (unit_price_seen >= 0),
  added_at        timestamptz NOT NULL DEFAULT clock_timestamp(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (cart_id, sku)
);
