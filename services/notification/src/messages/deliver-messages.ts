import type { Db, Logger } from '@mercato/chassis';
import { Undeliverable, type Channel } from '../channels/channel.js';
import type { ChannelName } from '../preferences/preferences.js';
import { pushSubscriptionsStore } from '../push/push-subscriptions.store.js';
import { afterFailure, describeError, type Message, type RetryPolicy } from './message.js';
import { claimDue, failAbandoned, markBounced, markFailed, markRetry, markSentMany } from './message.store.js';

export interface DeliveryOptions {
  db: Db;
  /** The channels that can send; a message for one not configured fails with that reason. */
  channels: Partial<Record<ChannelName, Channel>>;
  logger: Logger;
  retry: RetryPolicy;
  leaseMs: number;
  batch: number;
  /** Messages of a claimed batch sent at once (default: the whole batch). */
  concurrency?: number;
  /**
   * How often a pass also fails the messages whose last allowed attempt never finished (default
   * 1 s): such a message is never claimed again, so only its `failed` waits; a pass per commit
   * does not repeat that statement.
   */
  abandonedCheckMs?: number;
  /** Counts sends by outcome (metrics): sent, retrying, failed. */
  onSend?: (status: 'sent' | 'retrying' | 'failed' | 'bounced', n?: number, channel?: ChannelName) => void;
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
  private abandonedCheckedAt = -Infinity;

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
    if (performance.now() - this.abandonedCheckedAt >= (this.opts.abandonedCheckMs ?? 1000)) {
      this.abandonedCheckedAt = performance.now();
      const abandoned = await failAbandoned(db, retry.maxAttempts);
      if (abandoned > 0) {
        this.opts.logger.warn({ count: abandoned }, 'messages failed: their last send attempt never finished');
        this.opts.onSend?.('failed', abandoned);
      }
    }
    for (;;) {
      if (this.stopped) return;
      const claimed = await claimDue(db, batch, leaseMs, retry.maxAttempts);
      const sent: Array<{ id: string; attempt: number; channel: ChannelName; providerMessageId: string | null }> = [];
      // A claimed batch goes out side by side (files, SMTP connections, API calls wait on I/O),
      // at most `concurrency` at a time.
      const limit = Math.max(1, this.opts.concurrency ?? claimed.length);
      let next = 0;
      const lane = async () => {
        while (next < claimed.length) {
          const message = claimed[next++]!;
          const result = await this.sendOne(message);
          if (!result) continue;
          const one = { id: message.id, attempt: message.attempts, channel: message.channel, ...result };
          // An SMS provider reports delivery by its id moments later: record it at once, so the
          // report finds its message. Emails are recorded together after the batch.
          if (message.channel === 'sms') {
            this.logSent([one], await markSentMany(db, [one]));
          }
          else sent.push(one);
        }
      };
      await Promise.all(Array.from({ length: Math.min(limit, claimed.length) }, lane));
      // The sent ones are recorded together: one statement for the run.
      this.logSent(sent, await markSentMany(db, sent));
      if (claimed.length < batch) return;
    }
  }

  private logSent(sent: Array<{ id: string; attempt: number; channel: ChannelName }>, marked: Set<string>): void {
    for (const s of sent) {
      this.opts.onSend?.('sent', 1, s.channel);
      if (marked.has(s.id)) this.opts.logger.info({ messageId: s.id, attempt: s.attempt }, 'message sent');
      else this.opts.logger.warn({ messageId: s.id }, 'message sent, but its lease had been taken over: it may go out twice (same Message-ID)');
    }
  }

  /** Sends one message; answers its provider id when it went, or records the failure and answers undefined. */
  private async sendOne(message: Message): Promise<{ providerMessageId: string | null } | undefined> {
    const { db, channels, logger, retry } = this.opts;
    const log = logger.child({ messageId: message.id, kind: message.kind, channel: message.channel, attempt: message.attempts });
    const channel = channels[message.channel];
    if (!channel) {
      await markFailed(db, message.id, message.attempts, `the ${message.channel} channel is not configured`);
      log.warn('message failed: its channel is not configured');
      return undefined;
    }
    let providerMessageId: string | null;
    try {
      ({ providerMessageId } = await channel.send(message));
    } catch (err) {
      const error = describeError(err);
      if (err instanceof Undeliverable) {
        await db.tx(async (tx) => {
          await markBounced(tx, message.id, error, message.attempts);
          if (err.goneSubscriptionId) await pushSubscriptionsStore.delete(tx, err.goneSubscriptionId);
        });
        this.opts.onSend?.('bounced', 1, message.channel);
        log.warn({ err }, 'message bounced: it cannot be delivered');
        return undefined;
      }
      const next = afterFailure(message.attempts, retry);
      if (next.status === 'failed') {
        await markFailed(db, message.id, message.attempts, error);
        this.opts.onSend?.('failed', 1, message.channel);
        log.error({ err }, 'message failed: no attempts left');
      } else {
        await markRetry(db, message.id, message.attempts, next.delayMs, error);
        this.opts.onSend?.('retrying', 1, message.channel);
        log.warn({ err, retryInMs: next.delayMs }, 'message not sent; will retry');
      }
      return undefined;
    }
    return { providerMessageId };
  }
}
