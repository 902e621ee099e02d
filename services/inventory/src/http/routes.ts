import type { HttpApp } from '@mercato/chassis';
import type { InventoryDeps } from '../deps.js';
import { stockRoutes } from './stock.routes.js';
import { warehousesRoutes } from './warehouses.routes.js';

export function registerRoutes(app: HttpApp, deps: InventoryDeps): void {
  warehousesRoutes(app, deps);
  stockRoutes(app, deps);
}
