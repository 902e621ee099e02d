import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MemoryBus, Queryable } from '@mercato/chassis';
import { newId } from '@mercato/contracts';
import { insertMessage } from '../src/messages/message.store.js';
import type { EmailKind, RenderedEmail } from '../src/templates/templates.js';
import { startTestService, type TestDatabase } from '@mercato/chassis/testing';
import { notificationService } from '../src/service.js';

export const PUBLIC_URL = 'https://shop.example.com';
export const MAILBOX_TOKEN = 'mailbox-token-0123456789abcdef';

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
    NOTIFICATION_DATA_DIR: mkdtempSync(join(tmpdir(), 'mercato-notification-')),
    NOTIFICATION_MAILBOX_TOKEN: MAILBOX_TOKEN,
    ...extra,
  };
  // The caller owns the database and stops the service; tokens, where a test needs them, come from its own JWKS.
  return startTestService(notificationService, { db, env, bus, listen: true, background: true, jwks: false }).then((h) => h.svc);
}

/** Queues one email straight into the delivery log, as a consumer would. */
export function queueEmail(q: Queryable, eventId: string, kind: EmailKind, recipient: string, email: RenderedEmail): Promise<boolean> {
  return insertMessage(q, {
    id: newId('msg'),
    eventId,
    dedupeKey: `${eventId}:email:${recipient}`,
    channel: 'email',
    category: 'transactional',
    kind,
    userId: null,
    orderId: null,
    locale: null,
    recipient,
    ...email,
    payload: {},
  });
}
