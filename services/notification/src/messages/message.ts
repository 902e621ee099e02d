import { backoffDelay } from '@mercato/chassis';
import type { Category, ChannelName } from '../preferences/preferences.js';
import type { EmailKind } from '../templates/templates.js';

export type MessageStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'bounced' | 'suppressed';

/** What a message of another channel carries besides the email parts. */
export interface MessagePayload {
  /** sms: the text. push: the notification's body. */
  body?: string;
  /** push */
  title?: string;
  url?: string;
  subscriptionId?: string;
  /** email: the one-click unsubscribe link of a non-transactional message. */
  unsubscribeUrl?: string;
}

/** One row of the delivery log. */
export interface Message {
  id: string;
  eventId: string | null;
  channel: ChannelName;
  category: Category;
  userId: string | null;
  orderId: string | null;
  locale: string | null;
  payload: MessagePayload;
  resentFrom: string | null;
  kind: EmailKind;
  recipient: string;
  subject: string;
  html: string;
  text: string;
  status: MessageStatus;
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
  providerMessageId: string | null;
}

export interface RetryPolicy {
  maxAttempts: number;
  baseMs: number;
  maxMs: number;
}

export type AfterFailure = { status: 'failed' } | { status: 'pending'; delayMs: number };

/**
 * What becomes of a message whose send attempt number `attempts` (1-based, already counted)
 * failed: another try after an exponential delay with jitter, or `failed` once the attempts are spent.
 */
export function afterFailure(attempts: number, policy: RetryPolicy, random: () => number = Math.random): AfterFailure {
  if (attempts >= policy.maxAttempts) return { status: 'failed' };
  return { status: 'pending', delayMs: backoffDelay(attempts, policy.baseMs, policy.maxMs, random) };
}

/** The domain of an address given as `a@b` or `Name <a@b>`. */
export function addressDomain(address: string): string {
  const m = /@([^\s@<>]+)>?\s*$/.exec(address);
  return m ? m[1]!.toLowerCase() : 'localhost';
}

/**
 * The Message-ID header of a message, derived from its id alone: every attempt to send one
 * message carries the same Message-ID, so a re-send after a crash between "sent" and "marked
 * sent" is recognisable downstream (and deduplicated by many mail systems) as the same message.
 */
export function messageIdHeader(messageId: string, fromAddress: string): string {
  return `<${messageId}@${addressDomain(fromAddress)}>`;
}

const MAX_ERROR = 2000;

export function describeError(err: unknown): string {
  const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return message.replace(/\s+/g, ' ').trim().slice(0, MAX_ERROR);
}
