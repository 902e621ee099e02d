-- The categories a product is in (product_categories, sorted), on its row as well, kept by the
-- store with the rest of what is derived from a product: the category facet of a search groups
-- its matches by this array (a few distinct arrays) instead of joining a row per match.
ALTER TABLE products ADD COLUMN category_ids text[] NOT NULL DEFAULT '{}';
UPDATE products p SET category_ids = ARRAY(
  SELECT pc.category_id FROM product_categories pc WHERE pc.product_id = p.id ORDER BY pc.category_id);
