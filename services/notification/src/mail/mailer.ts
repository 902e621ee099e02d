/** One email ready to go out. */
export interface OutgoingMail {
  /** The delivery-log id; the Message-ID header is derived from it. */
  id: string;
  messageIdHeader: string;
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Extra headers, e.g. List-Unsubscribe. */
  headers?: Record<string, string>;
}

/** The message as nodemailer takes it: both mailers compose it the same way. */
export function toNodemailerMessage(mail: OutgoingMail) {
  return { messageId: mail.messageIdHeader, from: mail.from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html, ...(mail.headers ? { headers: mail.headers } : {}) };
}

export interface SendResult {
  /** What the provider calls the message (an SMTP queue reply, a file name), for the log. */
  providerMessageId: string | null;
}

/**
 * A channel that delivers email: the strategy the delivery job sends through. `send` resolves
 * once the provider accepted the message and throws when it did not (the job retries).
 * Sending the same message twice must be harmless to retry: it carries the same Message-ID.
 */
export interface Mailer {
  readonly kind: 'mailbox' | 'smtp';
  send(mail: OutgoingMail): Promise<SendResult>;
  close(): Promise<void>;
}
