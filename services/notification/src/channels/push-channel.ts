import type { Agent } from 'node:https';
import { lazyModule } from '@mercato/chassis';
import type webpush from 'web-push';
import type { Message } from '../messages/message.js';
import type { PushSubscription } from '../push/push-subscriptions.store.js';
import { Undeliverable, type Channel, type SendResult } from './channel.js';

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
  /** A mailto: or https: contact for the push services. */
  subject: string;
}

// Loaded on the first push or key generation, not at every start of the notification service.
const webPush = lazyModule<typeof webpush>(import.meta.url, 'web-push');

/**
 * Web push with `web-push`: the payload encrypted for the browser (aes128gcm), the request signed
 * with the shop's VAPID key. A push service that answers 404 or 410 has forgotten the
 * subscription: it is deleted and the message bounced.
 */
export class PushChannel implements Channel {
  readonly name = 'push' as const;
  constructor(
    private readonly vapid: VapidKeys,
    private readonly subscription: (id: string) => Promise<PushSubscription | undefined>,
    private readonly timeoutMs: number,
    /** Trusts extra certificate authorities (PUSH_CA_FILE) when given. */
    private readonly agent?: Agent,
  ) {}

  async send(m: Message): Promise<SendResult> {
    const id = m.payload.subscriptionId;
    const sub = id ? await this.subscription(id) : undefined;
    if (!sub) throw new Undeliverable('the push subscription no longer exists');
    const payload = JSON.stringify({ title: m.payload.title ?? m.subject, body: m.payload.body ?? m.text, url: m.payload.url ?? null, tag: m.kind });
    try {
      const res = await webPush().sendNotification({ endpoint: sub.endpoint, keys: { p256dh: sub.p256dh, auth: sub.auth } }, payload, {
        vapidDetails: this.vapid,
        TTL: 24 * 3600,
        urgency: m.category === 'transactional' ? 'high' : 'normal',
        contentEncoding: 'aes128gcm',
        timeout: this.timeoutMs,
        ...(this.agent ? { agent: this.agent } : {}),
      });
      return { providerMessageId: typeof res.headers.location === 'string' ? res.headers.location.slice(0, 500) : null };
    } catch (err) {
      const status = (err as { statusCode?: number }).statusCode;
      if (status === 404 || status === 410) throw new Undeliverable(`the push service answered ${status}: subscription gone`, sub.id);
      throw err;
    }
  }

  async close(): Promise<void> {}
}

export function generateVapidKeys(): { publicKey: string; privateKey: string } {
  return webPush().generateVAPIDKeys();
}
