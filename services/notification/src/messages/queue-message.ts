import type { Queryable } from '@mercato/chassis';
import { newId } from '@mercato/contracts';
import type { EmailKind, RenderedEmail } from '../templates/templates.js';
import { insertMessage } from './message.store.js';

/**
 * Records an email to send, in the caller's transaction (the consumer's, with its inbox row):
 * the message is never lost, and a redelivered event (same event id) queues nothing twice.
 * Sending happens later, outside the event transaction, in the delivery job.
 */
export async function queueMessage(tx: Queryable, eventId: string, kind: EmailKind, recipient: string, email: RenderedEmail): Promise<boolean> {
  return insertMessage(tx, { id: newId('msg'), eventId, kind, recipient, ...email });
}
