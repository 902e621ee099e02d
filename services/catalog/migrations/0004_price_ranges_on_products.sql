-- Each product's price range per currency on its own row as well ({"USD": [min, max], …}), kept
-- by the store with product_price_ranges (the same statement that rebuilds the search document):
-- a search filters and shows the prices of its matches without joining a row per match from
-- another table (which cost more than the full-text match itself). product_price_ranges stays
-- for the price sorts of a listing, which walk its index.
ALTER TABLE products ADD COLUMN price_ranges jsonb NOT NULL DEFAULT '{}';
UPDATE products p SET price_ranges = COALESCE((
  SELECT jsonb_object_agg(r.currency, jsonb_build_array(r.min_amount, r.max_amount))
  FROM product_price_ranges r WHERE r.product_id = p.id), '{}');
