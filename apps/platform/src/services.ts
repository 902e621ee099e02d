import { authService } from '@mercato/auth';
import { catalogService } from '@mercato/catalog';
import type { ServiceModule } from '@mercato/chassis';
import { inventoryService } from '@mercato/inventory';
import { notificationService } from '@mercato/notification';
import { orderService } from '@mercato/order';
import { paymentService } from '@mercato/payment';
import { reviewService } from '@mercato/review';
import { userService } from '@mercato/user';

/**
 * Every domain service, in start order. The gateway is not a ServiceModule (it owns no
 * database and consumes no events); the launcher starts it last, pointed at these.
 */
export const SERVICES: readonly ServiceModule[] = [
  authService,
  userService,
  catalogService,
  inventoryService,
  orderService,
  paymentService,
  reviewService,
  notificationService,
];

export function findService(name: string): ServiceModule | undefined {
  return SERVICES.find((s) => s.name === name);
}

/** The database of a service in the embedded server. */
export function databaseName(service: string): string {
  return `mercato_${service}`;
}

/** `order` → `ORDER`, the prefix of its variables (ORDER_PORT, ORDER_DATABASE_URL). */
export function envPrefix(service: string): string {
  return service.toUpperCase();
}
