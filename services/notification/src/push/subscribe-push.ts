import { DomainError, type Queryable } from '@mercato/chassis';
import { newId } from '@mercato/contracts';
import { pushSubscriptionsStore, type PushSubscription } from './push-subscriptions.store.js';

export class PushEndpointRefused extends DomainError {
  constructor(host: string) {
    super({ type: 'push_endpoint_refused', status: 422, title: 'Unprocessable request', detail: `${host} is not a push service this shop sends to` });
  }
}

/**
 * Whether the shop will POST to this endpoint: HTTPS to a push service on the list (which keeps
 * the server from being made to call arbitrary hosts on a customer's say-so).
 */
export function endpointAllowed(endpoint: string, allowedHosts: readonly string[]): { ok: boolean; host: string } {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return { ok: false, host: endpoint.slice(0, 100) };
  }
  const host = url.hostname.toLowerCase();
  const listed = allowedHosts.some((h) => (h.startsWith('*.') ? host.endsWith(h.slice(1)) : host === h));
  return { ok: listed && url.protocol === 'https:' && !url.username && !url.password, host };
}

export async function subscribePush(
  q: Queryable,
  userId: string,
  body: { endpoint: string; keys: { p256dh: string; auth: string } },
  allowedHosts: readonly string[],
): Promise<PushSubscription> {
  const check = endpointAllowed(body.endpoint, allowedHosts);
  if (!check.ok) throw new PushEndpointRefused(check.host);
  return pushSubscriptionsStore.save(q, { id: newId('psub'), userId, endpoint: body.endpoint, p256dh: body.keys.p256dh.replace(/=+$/, ''), auth: body.keys.auth.replace(/=+$/, '') });
}
