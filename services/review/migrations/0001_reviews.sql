-- Who may review what: a projection of delivered order lines (OrderDelivered), by user and
-- product. The first delivery of a product to a user is kept.
CREATE TABLE purchases (
  user_id      text NOT NULL,
  product_id   text NOT NULL,
  order_id     text NOT NULL,
  delivered_at timestamptz NOT NULL,
  PRIMARY KEY (user_id, product_id)
);

-- Display names of authors, projected from UserRegistered and UserUpdated ("Ann E." is shown).
CREATE TABLE authors (
  user_id    text PRIMARY KEY,
  name       text NOT NULL,
  updated_at timestamptz NOT NULL
);

-- One review per customer per product. user_id is NULL once the author's account was erased
-- (the review stays, anonymised) and for seeded demo reviews, which carry a display name.
-- status: pending (held by a moderation rule or reports) → published | rejected; published → hidden.
CREATE TABLE reviews (
  id                text PRIMARY KEY,
  product_id        text NOT NULL,
  user_id           text,
  author_name       text,
  rating            smallint NOT NULL CHECK (rating BETWEEN 1 AND 5),
  title             text NOT NULL,
  body              text NOT NULL,
  pros              text,
  cons              text,
  -- Normalised body digest: a body copied from another review is held for moderation.
  body_digest       text NOT NULL,
  status            text NOT NULL CHECK (status IN ('pending', 'published', 'rejected', 'hidden')),
  moderation_rule   text,
  moderation_reason text,
  moderated_by      text,
  moderated_at      timestamptz,
  verified_purchase boolean NOT NULL DEFAULT false,
  helpful_count     integer NOT NULL DEFAULT 0,
  report_count      integer NOT NULL DEFAULT 0,
  reply_body        text,
  reply_by          text,
  replied_at        timestamptz,
  demo_key          text UNIQUE,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  published_at      timestamptz
);
CREATE UNIQUE INDEX reviews_one_per_author ON reviews (user_id, product_id) WHERE user_id IS NOT NULL;
-- The public list: published reviews of a product by each sort.
CREATE INDEX reviews_newest ON reviews (product_id, published_at DESC, id DESC) WHERE status = 'published';
CREATE INDEX reviews_helpful ON reviews (product_id, helpful_count DESC, published_at DESC, id DESC) WHERE status = 'published';
CREATE INDEX reviews_rating ON reviews (product_id, rating DESC, published_at DESC, id DESC) WHERE status = 'published';
CREATE INDEX reviews_queue ON reviews (status, updated_at, id);
CREATE INDEX reviews_digest ON reviews (body_digest);
CREATE INDEX reviews_author ON reviews (user_id) WHERE user_id IS NOT NULL;

-- "Was this helpful": one vote per customer per review.
CREATE TABLE review_votes (
  review_id  text NOT NULL REFERENCES reviews (id) ON DELETE CASCADE,
  user_id    text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (review_id, user_id)
);
CREATE INDEX review_votes_user ON review_votes (user_id);

-- Reports of abuse: once per customer per review; the third holds a published review.
CREATE TABLE review_reports (
  review_id  text NOT NULL REFERENCES reviews (id) ON DELETE CASCADE,
  user_id    text NOT NULL,
  reason     text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (review_id, user_id)
);
CREATE INDEX review_reports_user ON review_reports (user_id);

-- Each product's summary of its published reviews, always recomputed from the reviews in SQL
-- under this row's lock (never adjusted by increments), so no redelivery or race can drift it.
CREATE TABLE review_summaries (
  product_id text PRIMARY KEY,
  count      integer NOT NULL DEFAULT 0,
  average    numeric(2, 1) NOT NULL DEFAULT 0,
  r1 integer NOT NULL DEFAULT 0,
  r2 integer NOT NULL DEFAULT 0,
  r3 integer NOT NULL DEFAULT 0,
  r4 integer NOT NULL DEFAULT 0,
  r5 integer NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL DEFAULT now()
);
