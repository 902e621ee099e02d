import { ConfigError, loadConfig } from '@mercato/chassis';
import { parseQuietHours, type QuietHours } from './limits/quiet-hours.js';
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
    NOTIFICATION_DELIVERY_BATCH: int('messages claimed per delivery batch', 1, 1_000, 50),
    NOTIFICATION_SEND_CONCURRENCY: int('messages of a batch sent at the same time', 1, 200, 10),
    NOTIFICATION_DATA_DIR: Type.String({
      minLength: 1,
      maxLength: 4096,
      default: './data/notification',
      description: 'the folder for keys this service makes itself (VAPID keys, the link-signing secret), mode 0700',
    }),
    NOTIFICATION_TEMPLATES_DIR: Type.Optional(
      Type.String({ minLength: 1, maxLength: 4096, description: "the shop's own templates (<lang>/<name>.<part>.liquid), each overriding the one shipped" }),
    ),
    NOTIFICATION_SIGNING_SECRET: Type.Optional(
      Type.String({ minLength: 32, maxLength: 512, description: 'the secret that signs one-click unsubscribe links (≥ 32 characters; generated into NOTIFICATION_DATA_DIR when unset)' }),
    ),
    NOTIFICATION_MAILBOX_TOKEN: Type.Optional(
      Type.String({ minLength: 24, maxLength: 512, description: 'the token (?token=) that opens the development mailbox pages; admins may open them with their access token' }),
    ),
    NOTIFICATION_VAPID_PUBLIC_KEY: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_-]{80,100}$', description: 'the VAPID public key (base64url); generated into NOTIFICATION_DATA_DIR when unset' })),
    NOTIFICATION_VAPID_PRIVATE_KEY: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_-]{40,50}$', description: 'the VAPID private key (base64url)' })),
    NOTIFICATION_VAPID_SUBJECT: Type.String({
      pattern: '^(mailto:[^\\s@]+@[^\\s@]+|https://[^\\s]+)$',
      maxLength: 512,
      default: 'mailto:no-reply@mercato.localhost',
      description: "a mailto: or https: contact push services can reach the shop's operator at",
    }),
    TWILIO_ACCOUNT_SID: Type.Optional(Type.String({ pattern: '^AC[0-9a-fA-F]{32}$', description: 'Twilio account sid; with TWILIO_AUTH_TOKEN and TWILIO_FROM turns SMS on' })),
    TWILIO_AUTH_TOKEN: Type.Optional(Type.String({ minLength: 16, maxLength: 128, description: 'Twilio auth token (also checks the status callbacks)' })),
    TWILIO_FROM: Type.Optional(Type.String({ pattern: '^(\\+[1-9][0-9]{6,14}|MG[0-9a-fA-F]{32})$', description: 'the sender: an E.164 number or a Messaging Service sid' })),
    TWILIO_API_URL: Type.String({ pattern: '^https?://[^\\s]+$', maxLength: 2048, default: 'https://api.twilio.com', description: "Twilio's API base URL" }),
    NOTIFICATION_CAP_EMAIL_PER_HOUR: int('emails to one recipient per hour before the rest are suppressed', 1, 10_000, 20),
    NOTIFICATION_CAP_SMS_PER_HOUR: int('SMS to one recipient per hour', 1, 10_000, 5),
    NOTIFICATION_CAP_PUSH_PER_HOUR: int("push notifications to one customer's browsers per hour", 1, 10_000, 20),
    NOTIFICATION_CAP_TRANSACTIONAL_PER_HOUR: int('transactional messages (orders, resets) to one recipient per hour per channel', 1, 100_000, 200),
    NOTIFICATION_PUSH_HOSTS: Type.String({
      minLength: 1,
      maxLength: 2000,
      default: 'fcm.googleapis.com,updates.push.services.mozilla.com,*.push.services.mozilla.com,*.notify.windows.com,web.push.apple.com',
      description: 'comma-separated push service hosts (*.domain for subdomains) a browser subscription may point at',
    }),
    NOTIFICATION_PUSH_CA_FILE: Type.Optional(
      Type.String({ minLength: 1, maxLength: 4096, description: 'a PEM file of extra certificate authorities to trust for push services (an inspecting proxy, a local push service)' }),
    ),
    NOTIFICATION_QUIET_HOURS: Type.String({
      pattern: '^(off|([01][0-9]|2[0-3]):[0-5][0-9]-([01][0-9]|2[0-3]):[0-5][0-9])$',
      default: '21:00-08:00',
      description: "when non-urgent SMS and push wait, in the customer's time zone: HH:MM-HH:MM or off",
    }),
  },
  { additionalProperties: true },
);

export type NotificationEnv = Static<typeof notificationConfigSchema>;

export interface NotificationConfig {
  dataDir: string;
  templatesDir: string | undefined;
  signingSecret: string | undefined;
  mailboxToken: string | undefined;
  vapid: { publicKey: string; privateKey: string } | undefined;
  vapidSubject: string;
  sms: { accountSid: string; authToken: string; from: string; apiUrl: string } | undefined;
  capPerHour: { email: number; sms: number; push: number };
  transactionalCapPerHour: number;
  quietHours: QuietHours | undefined;
  pushHosts: string[];
  pushCaFile: string | undefined;
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
    concurrency: number;
  };
}

export function loadNotificationConfig(env: NodeJS.ProcessEnv): NotificationConfig {
  const c = loadConfig(notificationConfigSchema, env);
  if (!!c.NOTIFICATION_VAPID_PUBLIC_KEY !== !!c.NOTIFICATION_VAPID_PRIVATE_KEY) {
    throw new ConfigError('Configuration error: NOTIFICATION_VAPID_PUBLIC_KEY and NOTIFICATION_VAPID_PRIVATE_KEY go together: set both or neither');
  }
  const twilio = [c.TWILIO_ACCOUNT_SID, c.TWILIO_AUTH_TOKEN, c.TWILIO_FROM];
  if (twilio.some(Boolean) && !twilio.every(Boolean)) {
    throw new ConfigError('Configuration error: TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM go together: set all three to send SMS');
  }
  return {
    dataDir: c.NOTIFICATION_DATA_DIR,
    templatesDir: c.NOTIFICATION_TEMPLATES_DIR,
    signingSecret: c.NOTIFICATION_SIGNING_SECRET,
    mailboxToken: c.NOTIFICATION_MAILBOX_TOKEN,
    vapid: c.NOTIFICATION_VAPID_PUBLIC_KEY ? { publicKey: c.NOTIFICATION_VAPID_PUBLIC_KEY, privateKey: c.NOTIFICATION_VAPID_PRIVATE_KEY! } : undefined,
    vapidSubject: c.NOTIFICATION_VAPID_SUBJECT,
    sms: c.TWILIO_ACCOUNT_SID ? { accountSid: c.TWILIO_ACCOUNT_SID, authToken: c.TWILIO_AUTH_TOKEN!, from: c.TWILIO_FROM!, apiUrl: c.TWILIO_API_URL.replace(/\/+$/, '') } : undefined,
    capPerHour: { email: c.NOTIFICATION_CAP_EMAIL_PER_HOUR, sms: c.NOTIFICATION_CAP_SMS_PER_HOUR, push: c.NOTIFICATION_CAP_PUSH_PER_HOUR },
    transactionalCapPerHour: c.NOTIFICATION_CAP_TRANSACTIONAL_PER_HOUR,
    quietHours: parseQuietHours(c.NOTIFICATION_QUIET_HOURS),
    pushCaFile: c.NOTIFICATION_PUSH_CA_FILE,
    pushHosts: c.NOTIFICATION_PUSH_HOSTS.split(',').map((h) => h.trim().toLowerCase()).filter(Boolean),
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
      concurrency: c.NOTIFICATION_SEND_CONCURRENCY,
    },
  };
}
