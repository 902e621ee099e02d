import { Type } from '@sinclair/typebox';
import { Id, Quantity, Sku, Timestamp } from '../common.js';

const Allocation = Type.Object(
  { warehouseId: Id(), quantity: Quantity },
  { additionalProperties: false },
);
const SkuQuantity = Type.Object({ sku: Sku, quantity: Quantity }, { additionalProperties: false });

export const StockReservedV1 = Type.Object(
  {
    orderId: Id(),
    expiresAt: Timestamp,
    lines: Type.Array(
      Type.Object(
        { sku: Sku, quantity: Quantity, allocations: Type.Array(Allocation, { minItems: 1, maxItems: 100 }) },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 100 },
    ),
  },
  { additionalProperties: false },
);

export const StockRejectedV1 = Type.Object(
  {
    orderId: Id(),
    lines: Type.Array(
      Type.Object(
        {
          sku: Sku,
          requested: Quantity,
          available: Type.Integer({ minimum: 0, maximum: 1e9 }),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 100 },
    ),
  },
  { additionalProperties: false },
);

export const StockReleasedV1 = Type.Object(
  {
    orderId: Id(),
    reason: Type.Union([Type.Literal('order_cancelled'), Type.Literal('expired')]),
    lines: Type.Array(SkuQuantity, { minItems: 1, maxItems: 100 }),
  },
  { additionalProperties: false },
);

export const StockCommittedV1 = Type.Object(
  { orderId: Id(), lines: Type.Array(SkuQuantity, { minItems: 1, maxItems: 100 }) },
  { additionalProperties: false },
);

export const LowStockV1 = Type.Object(
  {
    sku: Sku,
    available: Type.Integer({ minimum: 0, maximum: 1e9 }),
    threshold: Type.Integer({ minimum: 0, maximum: 1e9 }),
  },
  { additionalProperties: false },
);

/**
 * A SKU's available stock (summed over warehouses) went from none to some: back in stock.
 * Emitted once per crossing, in the transaction of the stock change.
 */
export const StockReplenishedV1 = Type.Object(
  {
    sku: Sku,
    available: Type.Integer({ minimum: 1, maximum: 1e9 }),
  },
  { additionalProperties: false },
);
