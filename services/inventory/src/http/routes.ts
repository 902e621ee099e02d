import type { HttpApp } from '@mercato/chassis';
import type { InventoryDeps } from '../deps.js';
import { stockRoutes } from './stock.routes.js';
import { warehousesRoutes } from './warehouses.routes.js';

export function registerRoutes(app: HttpApp, deps: InventoryDeps): void {
  // Static paths (/inventory/availability, /inventory/warehouses) win over /inventory/:sku.
  warehousesRoutes(app, deps);
  stockRoutes(app, deps);
}
