import nodemailer, { type Transporter } from 'nodemailer';
import { toNodemailerMessage, type Mailer, type OutgoingMail, type SendResult } from './mailer.js';

export interface SmtpMailerOptions {
  url: string;
  /** Bounds each phase of one SMTP conversation, well inside the send lease. */
  timeoutMs?: number;
}

/**
 * Sends through an SMTP server (`smtp://user:pass@host:port`, or `smtps://` for TLS from the
 * first byte). A rejection (4xx/5xx) or a network error throws, and the job retries.
 */
export class SmtpMailer implements Mailer {
  readonly kind = 'smtp' as const;
  private readonly transport: Transporter;

  constructor(opts: SmtpMailerOptions) {
    const timeout = opts.timeoutMs ?? 30_000;
    this.transport = nodemailer.createTransport(opts.url, {
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout,
    } as Parameters<typeof nodemailer.createTransport>[1]);
  }

  async send(mail: OutgoingMail): Promise<SendResult> {
    const info = (await this.transport.sendMail(toNodemailerMessage(mail))) as { response?: string; rejected?: unknown[] };
    // A server that accepts the transaction but refuses the (only) recipient did not take it.
    if (Array.isArray(info.rejected) && info.rejected.length > 0) throw new Error(`recipient rejected: ${info.response ?? ''}`);
    return { providerMessageId: info.response ? info.response.slice(0, 500) : null };
  }

  async close(): Promise<void> {
    this.transport.close();
  }
}
