import { loadConfig } from '@mercato/chassis';
import { Type } from '@sinclair/typebox';

const int = (description: string, min: number, max: number, dflt: number) =>
  Type.Integer({ minimum: min, maximum: max, default: dflt, description: `${description}: an integer from ${min} to ${max}` });

/** The inventory service's own variables (the chassis reads the common ones). */
export const inventoryConfigSchema = Type.Object(
  {
    INVENTORY_RESERVATION_TTL_SECONDS: int('how long a reservation holds stock before the sweeper releases it, in seconds', 1, 30 * 86_400, 900),
    INVENTORY_SWEEP_INTERVAL_MS: int('how often the sweeper looks for expired reservations, in ms', 50, 3_600_000, 5_000),
    INVENTORY_DEMO_STOCK: Type.Boolean({ default: false, description: 'give the demo shop its stock on start (once per SKU): true or false' }),
    INVENTORY_SWEEP_BATCH: int('expired reservations released per sweeper pass at most', 1, 10_000, 200),
  },
  { additionalProperties: true },
);

export interface InventoryConfig {
  reservationTtlSeconds: number;
  sweepIntervalMs: number;
  sweepBatch: number;
  demoStock: boolean;
}

export function loadInventoryConfig(env: NodeJS.ProcessEnv): InventoryConfig {
  const c = loadConfig(inventoryConfigSchema, env);
  return {
    reservationTtlSeconds: c.INVENTORY_RESERVATION_TTL_SECONDS,
    sweepIntervalMs: c.INVENTORY_SWEEP_INTERVAL_MS,
    sweepBatch: c.INVENTORY_SWEEP_BATCH,
    demoStock: c.INVENTORY_DEMO_STOCK,
  };
}
