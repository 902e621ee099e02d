-- Which product each SKU belongs to (its title and storefront slug), projected from the
-- catalog's ProductCreated/ProductUpdated/ProductDeleted, so that a back-in-stock message names
-- the product and links to its page. `as_of` is the occurredAt of the event that wrote the row:
-- an older event never overwrites a newer one.
CREATE TABLE stock_products (
  sku        text PRIMARY KEY,
  product_id text NOT NULL,
  slug       text NOT NULL,
  title      text NOT NULL,
  as_of      timestamptz NOT NULL
);
CREATE INDEX stock_products_product ON stock_products (product_id);
