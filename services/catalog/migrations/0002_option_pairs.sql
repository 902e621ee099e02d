-- The distinct option values a product's variants offer, as 'name' || chr(31) || 'value', kept by
-- the store with the rest of what is derived from a product: option facets count products from
-- this one array instead of expanding every variant's JSON.
ALTER TABLE products ADD COLUMN option_pairs text[] NOT NULL DEFAULT '{}';
UPDATE products p SET option_pairs = COALESCE((
  SELECT array_agg(DISTINCT o.key || chr(31) || o.value ORDER BY o.key || chr(31) || o.value)
  FROM variants v, jsonb_each_text(v.option_values) o WHERE v.product_id = p.id), '{}');
