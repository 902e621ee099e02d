import type { Message } from '../messages/message.js';

/** The delivery log's public status: `pending` and `sending` both read `queued`. */
export function publicStatus(status: Message['status']): 'queued' | 'sent' | 'failed' | 'bounced' | 'suppressed' {
  return status === 'pending' || status === 'sending' ? 'queued' : status;
}

export function presentLogEntry(m: Message) {
  return {
    id: m.id,
    channel: m.channel,
    template: m.kind,
    category: m.category,
    recipient: m.recipient,
    userId: m.userId,
    orderId: m.orderId,
    subject: m.subject,
    status: publicStatus(m.status),
    attempts: m.attempts,
    providerId: m.providerMessageId,
    lastError: m.lastError,
    resentFrom: m.resentFrom,
    createdAt: m.createdAt.toISOString(),
    sentAt: m.sentAt?.toISOString() ?? null,
    notBefore: m.status === 'pending' && m.nextAttemptAt > new Date() ? m.nextAttemptAt.toISOString() : null,
  };
}
