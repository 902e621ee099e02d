-- The back office's stock list: a search by SKU prefix, case-insensitive.
CREATE INDEX skus_search_idx ON skus (lower(sku) text_pattern_ops);
-- A SKU's ledger filtered by warehouse, newest first (stock_movements_sku_idx serves the rest).
CREATE INDEX stock_movements_sku_warehouse_idx ON stock_movements (sku, warehouse_id, id DESC);
