import type { Queryable } from '@mercato/chassis';
import { findByProviderId, markBounced } from './message.store.js';

/**
 * Twilio's delivery report for an SMS (its signature already checked): `undelivered` and
 * `failed` bounce the message with Twilio's error code; other statuses need nothing (`sent`
 * was recorded when Twilio took it). Answers whether a message of ours was concerned.
 */
export async function recordSmsStatus(q: Queryable, params: Record<string, string>): Promise<boolean> {
  const sid = params.MessageSid ?? params.SmsSid;
  if (!sid) return false;
  const message = await findByProviderId(q, 'sms', sid);
  if (!message) return false;
  const status = params.MessageStatus ?? params.SmsStatus;
  if (status === 'undelivered' || status === 'failed') {
    await markBounced(q, message.id, `SMS ${status}${params.ErrorCode ? ` (Twilio error ${params.ErrorCode})` : ''}`);
  }
  return true;
}
