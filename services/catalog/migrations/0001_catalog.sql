-- Search: trigram similarity for typo tolerance and prefix lookups on the word list.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Categories form a tree. `ancestors` holds the ids from the root down to and including the
-- category itself, so "this category and everything under it" is one array containment test.
CREATE TABLE categories (
  id         text PRIMARY KEY,
  parent_id  text REFERENCES categories (id),
  slug       text NOT NULL UNIQUE,
  name       text NOT NULL,
  position   integer NOT NULL DEFAULT 0,
  ancestors  text[] NOT NULL,
  version    integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (cardinality(ancestors) BETWEEN 1 AND 10)
);
CREATE INDEX categories_parent_idx ON categories (parent_id, position, name);
CREATE INDEX categories_ancestors_idx ON categories USING gin (ancestors);

-- Products. Document-shaped parts (images, attributes, SEO, options) are JSONB; variants and
-- prices are rows because SKUs and prices are unique, filtered and sorted on.
-- `version` counts every change of the public representation: it is the ETag.
CREATE TABLE products (
  id             text PRIMARY KEY,
  slug           text NOT NULL UNIQUE,
  title          text NOT NULL,
  description    text NOT NULL DEFAULT '',
  status         text NOT NULL CHECK (status IN ('draft', 'published', 'archived')),
  images         jsonb NOT NULL DEFAULT '[]',
  attributes     jsonb NOT NULL DEFAULT '{}',
  seo            jsonb NOT NULL DEFAULT '{}',
  options        jsonb NOT NULL DEFAULT '[]',
  rating_average double precision NOT NULL DEFAULT 0,
  rating_count   integer NOT NULL DEFAULT 0,
  -- Weighted full-text document (title A, description B, attributes and option values C),
  -- rebuilt by the store on every write.
  search         tsvector NOT NULL DEFAULT ''::tsvector,
  version        integer NOT NULL DEFAULT 1,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  published_at   timestamptz
);
CREATE INDEX products_search_idx ON products USING gin (search) WHERE status = 'published';
CREATE INDEX products_newest_idx ON products (created_at DESC, id DESC) WHERE status = 'published';
CREATE INDEX products_rating_idx ON products (rating_average DESC, rating_count DESC, id DESC) WHERE status = 'published';
CREATE INDEX products_admin_idx ON products (created_at DESC, id DESC);
CREATE INDEX products_title_trgm_idx ON products USING gin (lower(title) gin_trgm_ops);

CREATE TABLE product_categories (
  product_id  text NOT NULL REFERENCES products (id) ON DELETE CASCADE,
  category_id text NOT NULL REFERENCES categories (id),
  position    integer NOT NULL DEFAULT 0,
  PRIMARY KEY (product_id, category_id)
);
CREATE INDEX product_categories_category_idx ON product_categories (category_id, product_id);

CREATE TABLE variants (
  id            text PRIMARY KEY,
  product_id    text NOT NULL REFERENCES products (id) ON DELETE CASCADE,
  sku           text NOT NULL UNIQUE,
  title         text,
  option_values jsonb NOT NULL DEFAULT '{}',
  position      integer NOT NULL DEFAULT 0,
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX variants_product_idx ON variants (product_id, position, id);

-- Prices per variant per currency, in integer minor units.
CREATE TABLE prices (
  variant_id text NOT NULL REFERENCES variants (id) ON DELETE CASCADE,
  currency   char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  amount     bigint NOT NULL CHECK (amount >= 0),
  PRIMARY KEY (variant_id, currency)
);

-- The cheapest and dearest variant per product per currency, kept by the store in the same
-- transaction as every price or variant change: price filters and price sorts read one row.
CREATE TABLE product_price_ranges (
  product_id text NOT NULL REFERENCES products (id) ON DELETE CASCADE,
  currency   char(3) NOT NULL,
  min_amount bigint NOT NULL,
  max_amount bigint NOT NULL,
  PRIMARY KEY (product_id, currency)
);
CREATE INDEX product_price_ranges_sort_idx ON product_price_ranges (currency, min_amount, product_id);

-- Every word that appears in a product's searchable text. A query term is expanded to the words
-- it is a prefix of or close to (trigram similarity), which are then matched with full text.
-- Words are never removed: a stale word only expands to a query that matches nothing.
CREATE TABLE search_words (
  word text PRIMARY KEY
);
CREATE INDEX search_words_trgm_idx ON search_words USING gin (word gin_trgm_ops);

-- Imports and demo seeding run once per key.
CREATE TABLE seed_runs (
  key        text PRIMARY KEY,
  applied_at timestamptz NOT NULL DEFAULT now(),
  products   integer NOT NULL
);
CREATE INDEX search_words_prefix_idx ON search_words (word text_pattern_ops);
