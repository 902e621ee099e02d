import type { NotificationConfig } from '../config.js';
import { MailboxMailer } from './mailbox-mailer.js';
import type { Mailer } from './mailer.js';
import { SmtpMailer } from './smtp-mailer.js';

/** SMTP when SMTP_URL is set, else the local mailbox folder. */
export function createMailer(config: NotificationConfig): Mailer {
  if (config.smtpUrl) return new SmtpMailer({ url: config.smtpUrl, timeoutMs: Math.min(30_000, Math.floor(config.delivery.leaseMs / 3)) });
  return new MailboxMailer(config.mailboxDir);
}
