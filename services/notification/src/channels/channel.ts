import type { Message } from '../messages/message.js';
import type { ChannelName } from '../preferences/preferences.js';

export interface SendResult {
  /** What the provider calls the message (an SMTP reply, a file, an SMS sid), for the log. */
  providerMessageId: string | null;
}

/**
 * One way of reaching a customer: the strategy the delivery job sends each message through.
 * `send` resolves once the provider took the message and throws when it did not (the job
 * retries), or throws Undeliverable when it never will (the message is `bounced`, not retried).
 */
export interface Channel {
  readonly name: ChannelName;
  send(message: Message): Promise<SendResult>;
  close(): Promise<void>;
}

/** The provider answered that this message can never be delivered (a push subscription gone, a number that cannot get SMS). */
export class Undeliverable extends Error {
  constructor(
    message: string,
    /** A push subscription the push service no longer knows: deleted with the bounce. */
    readonly goneSubscriptionId?: string,
  ) {
    super(message);
    this.name = 'Undeliverable';
  }
}
