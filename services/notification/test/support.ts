import { startService, type MemoryBus } from '@mercato/chassis';
import { captureLogger, type TestDatabase } from '@mercato/chassis/testing';
import { notificationService } from '../src/service.js';

export const PUBLIC_URL = 'https://shop.example.com';

/** The notification service on a test database and the in-process bus, quick to retry and deliver; `extra` overrides. */
export function startNotification(db: TestDatabase, extra: Record<string, string>, bus: MemoryBus) {
  const env = {
    NOTIFICATION_DATABASE_URL: db.url,
    NOTIFICATION_PORT: '0',
    NOTIFICATION_PUBLIC_URL: PUBLIC_URL,
    NOTIFICATION_FROM: 'Shop <no-reply@shop.example.com>',
    NOTIFICATION_RETRY_BASE_MS: '50',
    NOTIFICATION_RETRY_MAX_MS: '1000',
    NOTIFICATION_DELIVERY_POLL_MS: '10',
    NOTIFICATION_MAX_ATTEMPTS: '4',
    EVENT_RETRY_BASE_MS: '20',
    ...extra,
  };
  return startService(notificationService, { env, bus, logger: captureLogger('notification', 'silent').logger });
}
