import type { HttpApp } from '@mercato/chassis';
import type { ReviewDeps } from '../deps.js';
import { reviewsRoutes } from './reviews.routes.js';

export function registerRoutes(app: HttpApp, deps: ReviewDeps): void {
  reviewsRoutes(app, deps);
}
