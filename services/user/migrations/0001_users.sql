-- Profiles: one per user, created from auth's UserRegistered. Roles live here; auth reads them
-- from RolesChanged. `version` counts changes, for optimistic concurrency later.
CREATE TABLE profiles (
  user_id    text PRIMARY KEY,
  email      text NOT NULL,
  name       text NOT NULL,
  phone      text,
  roles      text[] NOT NULL DEFAULT '{customer}' CHECK (cardinality(roles) BETWEEN 1 AND 4),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version    integer NOT NULL DEFAULT 1
);
-- The admin list pages by (created_at, user_id); email search is a case-insensitive prefix.
CREATE INDEX profiles_created_idx ON profiles (created_at, user_id);
CREATE INDEX profiles_email_prefix_idx ON profiles (lower(email) text_pattern_ops, created_at, user_id);

-- A user's addresses (at most 20, checked under a lock on the profile row). At most one default
-- shipping and one default billing address per user.
CREATE TABLE addresses (
  id                  text PRIMARY KEY,
  user_id             text NOT NULL REFERENCES profiles (user_id) ON DELETE CASCADE,
  name                text NOT NULL,
  line1               text NOT NULL,
  line2               text,
  city                text NOT NULL,
  region              text,
  postal_code         text,
  country             char(2) NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
  phone               text,
  is_default_shipping boolean NOT NULL DEFAULT false,
  is_default_billing  boolean NOT NULL DEFAULT false,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX addresses_user_idx ON addresses (user_id, created_at, id);
CREATE UNIQUE INDEX addresses_default_shipping_idx ON addresses (user_id) WHERE is_default_shipping;
CREATE UNIQUE INDEX addresses_default_billing_idx ON addresses (user_id) WHERE is_default_billing;
