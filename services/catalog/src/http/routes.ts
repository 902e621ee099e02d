import type { HttpApp } from '@mercato/chassis';
import type { CatalogDeps } from '../deps.js';
import { categoriesRoutes } from './categories.routes.js';
import { importRoutes } from './import.routes.js';
import { mediaRoutes } from './media.routes.js';
import { productsRoutes } from './products.routes.js';

export function registerRoutes(app: HttpApp, deps: CatalogDeps): void {
  productsRoutes(app, deps);
  importRoutes(app, deps);
  categoriesRoutes(app, deps);
  mediaRoutes(app, deps);
}
