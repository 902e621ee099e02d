-- When a product's row last changed, whatever changed it (a write, a price, a rating, a category
-- handing its products to another): set by a trigger, so no write path can forget it. The
-- in-process search index reads the rows changed since its last refresh by it.
ALTER TABLE products ADD COLUMN changed_at timestamptz NOT NULL DEFAULT now();
CREATE INDEX products_changed_idx ON products (changed_at);

CREATE FUNCTION products_mark_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.changed_at := now();
  RETURN NEW;
END
$$;
CREATE TRIGGER products_changed BEFORE INSERT OR UPDATE ON products
  FOR EACH ROW EXECUTE FUNCTION products_mark_changed();
