-- Uploaded images: checked, re-encoded to WebP at the storefront's widths, stripped of metadata.
-- `renditions` lists the files made ([{name, width, height, bytes}]); where their bytes live is the
-- media store's business (files under CATALOG_MEDIA_DIR, or media_blobs below).
CREATE TABLE media (
  id            text PRIMARY KEY,
  original_type text NOT NULL CHECK (original_type IN ('image/jpeg', 'image/png', 'image/webp')),
  width         integer NOT NULL CHECK (width > 0),
  height        integer NOT NULL CHECK (height > 0),
  sha256        text NOT NULL,
  renditions    jsonb NOT NULL,
  created_by    text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX media_created_idx ON media (created_at);

-- The PostgreSQL media store (the distributed mode's default): the bytes of each rendition,
-- written in the transaction that records the image, shared by every catalog replica.
CREATE TABLE media_blobs (
  media_id     text NOT NULL REFERENCES media (id) ON DELETE CASCADE,
  name         text NOT NULL,
  content_type text NOT NULL,
  data         bytea NOT NULL,
  PRIMARY KEY (media_id, name)
);
