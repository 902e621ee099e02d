import type { Db, Logger } from '@mercato/chassis';
import type { Mailer } from '../mail/mailer.js';
import { afterFailure, describeError, messageIdHeader, type Message, type RetryPolicy } from './message.js';
import { claimDue, failAbandoned, markFailed, markRetry, markSentMany } from './message.store.js';

export interface DeliveryOptions {
  db: Db;
  mailer: Mailer;
  logger: Logger;
  from: string;
  retry: RetryPolicy;
  leaseMs: number;
  batch: number;
  /** Counts sends by outcome (metrics): sent, retrying, failed. */
  onSend?: (status: 'sent' | 'retrying' | 'failed', n?: number) => void;
}

/**
 * Sends due messages from the delivery log. Each message is claimed (marked `sending` with a
 * lease) in a short transaction of its own, sent outside any transaction, then marked `sent` or
 * rescheduled. A crash between the send and the mark leaves the message `sending`; when its lease
 * runs out it is sent again, with the same Message-ID. So delivery is at-least-once: a duplicate
 * is rare (it needs that exact crash) and identifiable, never silent loss.
 */
export class DeliveryWorker {
  private readonly opts: DeliveryOptions;
  private current: Promise<void> | undefined;
  private again = false;
  private stopped = false;

  constructor(opts: DeliveryOptions) {
    this.opts = opts;
  }

  /** Runs a delivery pass now, or right after the one in progress. Never rejects. */
  wake(): void {
    void this.drain();
  }

  /** Sends everything due; concurrent calls share one pass (plus one more if asked meanwhile). */
  drain(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.current) {
      this.again = true;
      return this.current;
    }
    this.current = (async () => {
      try {
        do {
          this.again = false;
          await this.pass();
        } while (this.again && !this.stopped);
      } catch (err) {
        this.opts.logger.error({ err }, 'message delivery pass failed');
      } finally {
        this.current = undefined;
      }
    })();
    return this.current;
  }

  /** Stops taking new passes and waits for the one in flight. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.current;
  }

  private async pass(): Promise<void> {
    const { db, retry, leaseMs, batch } = this.opts;
    const abandoned = await failAbandoned(db, retry.maxAttempts);
    if (abandoned > 0) {
      this.opts.logger.warn({ count: abandoned }, 'messages failed: their last send attempt never finished');
      this.opts.onSend?.('failed', abandoned);
    }
    for (;;) {
      if (this.stopped) return;
      const claimed = await claimDue(db, batch, leaseMs, retry.maxAttempts);
      const sent: Array<{ id: string; attempt: number; providerMessageId: string | null }> = [];
      for (const message of claimed) {
        const result = await this.sendOne(message);
        if (result) sent.push({ id: message.id, attempt: message.attempts, ...result });
      }
      // The sent ones are recorded together: one statement for the run.
      const marked = await markSentMany(db, sent);
      if (sent.length > 0) this.opts.onSend?.('sent', sent.length);
      for (const s of sent) {
        if (marked.has(s.id)) this.opts.logger.info({ messageId: s.id, attempt: s.attempt }, 'message sent');
        else this.opts.logger.warn({ messageId: s.id }, 'message sent, but its lease had been taken over: it may go out twice (same Message-ID)');
      }
      if (claimed.length < batch) return;
    }
  }

  /** Sends one message; answers its provider id when it went, or records the failure and answers undefined. */
  private async sendOne(message: Message): Promise<{ providerMessageId: string | null } | undefined> {
    const { db, mailer, logger, from, retry } = this.opts;
    const log = logger.child({ messageId: message.id, kind: message.kind, attempt: message.attempts });
    let providerMessageId: string | null;
    try {
      ({ providerMessageId } = await mailer.send({
        id: message.id,
        messageIdHeader: messageIdHeader(message.id, from),
        from,
        to: message.recipient,
        subject: message.subject,
        html: message.html,
        text: message.text,
      }));
    } catch (err) {
      const error = describeError(err);
      const next = afterFailure(message.attempts, retry);
      if (next.status === 'failed') {
        await markFailed(db, message.id, message.attempts, error);
        this.opts.onSend?.('failed');
        log.error({ err }, 'message failed: no attempts left');
      } else {
        await markRetry(db, message.id, message.attempts, next.delayMs, error);
        this.opts.onSend?.('retrying');
        log.warn({ err, retryInMs: next.delayMs }, 'message not sent; will retry');
      }
      return undefined;
    }
    return { providerMessageId };
  }
}
