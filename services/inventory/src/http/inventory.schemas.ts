import { Sku } from '@mercato/contracts';
import { Type } from '@sinclair/typebox';

const Count = Type.Integer({ minimum: 0, maximum: 1e12 });
const Timestamp = Type.String({ format: 'date-time' });
export const WarehouseCode = Type.String({ minLength: 1, maxLength: 32, pattern: '^[a-z0-9][a-z0-9-]*$', description: 'Lower-case letters, digits and dashes' });
const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: '\\S' });

export const AvailabilityQuery = Type.Object(
  { sku: Type.Array(Sku, { minItems: 1, maxItems: 100, description: 'Repeat for several: ?sku=A&sku=B (at most 100)' }) },
  { additionalProperties: false },
);

export const AvailabilitySchema = Type.Object(
  {
    items: Type.Array(
      Type.Object({ sku: Type.String(), available: Count, inStock: Type.Boolean() }, { additionalProperties: false }),
      { maxItems: 100 },
    ),
  },
  { additionalProperties: false },
);

export const SkuParams = Type.Object({ sku: Sku }, { additionalProperties: false });

const Levels = { onHand: Count, reserved: Count, available: Count };

export const MovementSchema = Type.Object(
  {
    id: Type.String(),
    warehouse: Type.String(),
    kind: Type.String(),
    onHandDelta: Type.Integer(),
    reservedDelta: Type.Integer(),
    orderId: Type.Union([Type.String(), Type.Null()]),
    adjustmentId: Type.Union([Type.String(), Type.Null()]),
    reason: Type.Union([Type.String(), Type.Null()]),
    actorUserId: Type.Union([Type.String(), Type.Null()]),
    eventId: Type.Union([Type.String(), Type.Null()]),
    createdAt: Timestamp,
  },
  { additionalProperties: false },
);

export const StockSchema = Type.Object(
  {
    sku: Type.String(),
    productId: Type.Union([Type.String(), Type.Null()]),
    threshold: Count,
    discontinued: Type.Boolean(),
    ...Levels,
    warehouses: Type.Array(
      Type.Object({ code: Type.String(), name: Type.String(), priority: Type.Integer(), ...Levels }, { additionalProperties: false }),
    ),
    movements: Type.Array(MovementSchema),
  },
  { additionalProperties: false },
);

export const AdjustmentBody = Type.Object(
  {
    warehouse: WarehouseCode,
    delta: Type.Integer({ minimum: -1_000_000, maximum: 1_000_000, description: 'Units added (positive) or removed (negative); never 0' }),
    reason: Text(500),
  },
  { additionalProperties: false },
);

export const AdjustmentSchema = Type.Object(
  {
    adjustmentId: Type.String(),
    sku: Type.String(),
    warehouse: Type.String(),
    ...Levels,
    total: Type.Object(Levels, { additionalProperties: false }),
  },
  { additionalProperties: false },
);

export const ThresholdBody = Type.Object(
  { threshold: Type.Integer({ minimum: 0, maximum: 1_000_000_000, description: 'LowStock when available falls to this or below' }) },
  { additionalProperties: false },
);

export const WarehouseSchema = Type.Object(
  { id: Type.String(), code: Type.String(), name: Type.String(), priority: Type.Integer(), isDefault: Type.Boolean(), createdAt: Timestamp, updatedAt: Timestamp },
  { additionalProperties: false },
);

export const WarehouseListSchema = Type.Object(
  { items: Type.Array(WarehouseSchema), nextCursor: Type.Null() },
  { additionalProperties: false },
);

const Priority = Type.Integer({ minimum: 0, maximum: 1_000_000, description: 'Reservations draw from lower numbers first' });

export const CreateWarehouseBody = Type.Object({ code: WarehouseCode, name: Text(200), priority: Priority }, { additionalProperties: false });

export const PatchWarehouseBody = Type.Object(
  { name: Type.Optional(Text(200)), priority: Type.Optional(Priority) },
  { additionalProperties: false, minProperties: 1 },
);

export const WarehouseParams = Type.Object({ code: WarehouseCode }, { additionalProperties: false });

const Cursor = Type.String({ minLength: 1, maxLength: 200, description: "The previous page's nextCursor" });
const Limit = Type.Integer({ minimum: 1, maximum: 100, default: 50 });
const MOVEMENT_KINDS = ['adjustment', 'seed', 'reservation', 'release', 'expiry', 'commit', 'restock'] as const;

export const StockListQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 64, pattern: '\\S', description: 'A prefix of the SKU (case-insensitive)' })),
    productId: Type.Optional(Type.String({ minLength: 1, maxLength: 40, pattern: '^[a-z]+_[A-Za-z0-9]+$' })),
    warehouse: Type.Optional(
      Type.String({ minLength: 1, maxLength: 32, pattern: '^[a-z0-9][a-z0-9-]*$', description: 'Only SKUs stocked in this warehouse; their levels show it alone (totals stay over every warehouse)' }),
    ),
    lowStock: Type.Optional(Type.Boolean({ description: 'Only SKUs whose available stock, over every warehouse, is at or below their threshold' })),
    includeDiscontinued: Type.Optional(Type.Boolean({ description: 'Also SKUs whose product was deleted (default false)' })),
    sort: Type.Optional(Type.Union([Type.Literal('sku'), Type.Literal('available')], { description: 'sku (default), or available: least first' })),
    limit: Type.Optional(Limit),
    cursor: Type.Optional(Cursor),
  },
  { additionalProperties: false },
);

export const StockListSchema = Type.Object(
  {
    items: Type.Array(
      Type.Object(
        {
          sku: Type.String(),
          productId: Type.Union([Type.String(), Type.Null()]),
          threshold: Count,
          discontinued: Type.Boolean(),
          low: Type.Boolean({ description: 'available ≤ threshold' }),
          ...Levels,
          warehouses: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), ...Levels }, { additionalProperties: false })),
        },
        { additionalProperties: false },
      ),
    ),
    nextCursor: Type.Union([Type.String(), Type.Null()]),
  },
  { additionalProperties: false },
);

export const LedgerQuery = Type.Object(
  {
    warehouse: Type.Optional(WarehouseCode),
    kind: Type.Optional(Type.Union(MOVEMENT_KINDS.map((k) => Type.Literal(k)))),
    limit: Type.Optional(Limit),
    cursor: Type.Optional(Cursor),
  },
  { additionalProperties: false },
);

export const LedgerSchema = Type.Object({ items: Type.Array(MovementSchema), nextCursor: Type.Union([Type.String(), Type.Null()]) }, { additionalProperties: false });
