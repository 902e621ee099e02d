import { loadConfig } from '@mercato/chassis';
import { Type, type Static } from '@sinclair/typebox';

const int = (description: string, min: number, max: number, dflt: number) =>
  Type.Integer({ minimum: min, maximum: max, default: dflt, description: `${description}: an integer from ${min} to ${max}` });

/** The notification service's own variables (the chassis reads the common ones). */
export const notificationConfigSchema = Type.Object(
  {
    NOTIFICATION_PUBLIC_URL: Type.String({
      pattern: '^https?://[^\\s]+$',
      maxLength: 2048,
      default: 'http://127.0.0.1:8080',
      description: 'the public base URL of the shop that links in emails point to, e.g. https://shop.example.com',
    }),
    NOTIFICATION_FROM: Type.String({
      pattern: '^[^\\r\\n<>]*<[^\\s@<>]+@[^\\s@<>]+>$|^[^\\s@<>]+@[^\\s@<>]+$',
      maxLength: 320,
      default: 'mercato <no-reply@mercato.localhost>',
      description: 'the From address, e.g. "Shop <no-reply@shop.example.com>"',
    }),
    NOTIFICATION_MAILBOX_DIR: Type.String({
      minLength: 1,
      maxLength: 4096,
      default: './data/mailbox',
      description: 'the folder the mailbox mailer writes .eml files to (relative to the working directory)',
    }),
    SMTP_URL: Type.Optional(
      Type.String({
        pattern: '^smtps?://',
        maxLength: 2048,
        description: 'an smtp:// or smtps:// URL (smtp://user:pass@host:port); when set, email goes out by SMTP',
      }),
    ),
    NOTIFICATION_MAX_ATTEMPTS: int('send attempts before a message is marked failed', 1, 100, 8),
    NOTIFICATION_RETRY_BASE_MS: int('the first send retry delay in ms', 1, 3_600_000, 30_000),
    NOTIFICATION_RETRY_MAX_MS: int('the longest send retry delay in ms', 1, 86_400_000, 3_600_000),
    NOTIFICATION_SEND_LEASE_MS: int('how long a claimed message is held before another process may retry it, in ms', 1_000, 3_600_000, 300_000),
    NOTIFICATION_DELIVERY_POLL_MS: int('how often the delivery job looks for due messages, in ms', 10, 600_000, 5_000),
    NOTIFICATION_DELIVERY_BATCH: int('messages claimed per delivery batch', 1, 1_000, 20),
  },
  { additionalProperties: true },
);

export type NotificationEnv = Static<typeof notificationConfigSchema>;

export interface NotificationConfig {
  publicUrl: string;
  from: string;
  mailboxDir: string;
  smtpUrl: string | undefined;
  delivery: {
    maxAttempts: number;
    retryBaseMs: number;
    retryMaxMs: number;
    leaseMs: number;
    pollMs: number;
    batch: number;
  };
}

export function loadNotificationConfig(env: NodeJS.ProcessEnv): NotificationConfig {
  const c = loadConfig(notificationConfigSchema, env);
  return {
    publicUrl: c.NOTIFICATION_PUBLIC_URL.replace(/\/+$/, ''),
    from: c.NOTIFICATION_FROM,
    mailboxDir: c.NOTIFICATION_MAILBOX_DIR,
    smtpUrl: c.SMTP_URL,
    delivery: {
      maxAttempts: c.NOTIFICATION_MAX_ATTEMPTS,
      retryBaseMs: c.NOTIFICATION_RETRY_BASE_MS,
      retryMaxMs: c.NOTIFICATION_RETRY_MAX_MS,
      leaseMs: c.NOTIFICATION_SEND_LEASE_MS,
      pollMs: c.NOTIFICATION_DELIVERY_POLL_MS,
      batch: c.NOTIFICATION_DELIVERY_BATCH,
    },
  };
}
