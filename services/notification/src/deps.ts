import type { Authenticator, Db, Logger } from '@mercato/chassis';
import type { SmsChannel } from './channels/sms-channel.js';
import type { NotificationConfig } from './config.js';
import type { DeliveryWorker } from './messages/deliver-messages.js';
import type { NotifyContext } from './messages/notify.js';
import type { UnsubscribeTokens } from './preferences/unsubscribe-token.js';

/** What the use cases and routes of this service need; wired by `service.ts`. */
export interface NotificationDeps {
  db: Db;
  logger: Logger;
  config: NotificationConfig;
  authenticator: Authenticator;
  notify: NotifyContext;
  unsubscribe: UnsubscribeTokens;
  worker: DeliveryWorker;
  vapidPublicKey: string;
  /** Present when SMS is configured (its status callbacks are checked against its token). */
  sms: SmsChannel | undefined;
  /** The development mailbox's token, when the mailbox mailer runs. */
  mailboxToken: string | undefined;
}
