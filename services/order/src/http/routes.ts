import type { HttpApp } from '@mercato/chassis';
import type { OrderDeps } from '../deps.js';
import { cartsRoutes } from './carts.routes.js';
import { ordersRoutes } from './orders.routes.js';

export function registerRoutes(app: HttpApp, deps: OrderDeps): void {
  cartsRoutes(app, deps);
  ordersRoutes(app, deps);
}
