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
