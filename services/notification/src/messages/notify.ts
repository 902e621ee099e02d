import type { Queryable } from '@mercato/chassis';
import { newId } from '@mercato/contracts';
import { isValidPhoneNumber } from 'libphonenumber-js/max';
import { contactsStore, type Contact } from '../contacts/contacts.store.js';
import { notBefore, type QuietHours } from '../limits/quiet-hours.js';
import { DEFAULTS, isLocked, type Category, type ChannelName } from '../preferences/preferences.js';
import { preferencesStore } from '../preferences/preferences.store.js';
import { pushSubscriptionsStore } from '../push/push-subscriptions.store.js';
import type { TemplateSet } from '../templates/template-set.js';
import type { EmailKind } from '../templates/templates.js';
import { KINDS } from './kinds.js';
import { insertCapped, type CappedMessage, type NewMessage } from './message.store.js';

/** What queuing needs besides the transaction: the shop's templates and its limits. */
export interface NotifyContext {
  publicUrl: string;
  templates: TemplateSet;
  /** Per recipient per channel per hour, for non-transactional messages; past it a message is recorded `suppressed`. */
  capPerHour: Record<ChannelName, number>;
  /** The same for transactional messages (orders, resets), which a real customer can need many of. */
  transactionalCapPerHour: number;
  quietHours: QuietHours | undefined;
  /** The one-click unsubscribe link for a customer and category. */
  unsubscribeUrl(userId: string, category: Category): string;
  /** Channels that can send at all (SMS needs its provider configured). */
  enabledChannels: ReadonlySet<ChannelName>;
}

export interface NotifyRequest {
  /** The event this answers; with `key`, what makes queuing idempotent. */
  eventId: string | null;
  kind: EmailKind;
  /** The customer concerned (their preferences, phone, browsers, language); null for a guest. */
  userId: string | null;
  /** The address to write to when the event names one (orders); else the customer's. */
  email?: string | null;
  orderId?: string | null;
  /** The template's values. */
  view: Record<string, unknown>;
  /** Dedupe base (default: the event id); one message per base, channel and recipient. */
  key?: string;
  /** A contact already loaded (staff lists). */
  contact?: Contact;
}

/**
 * Queues a message on every channel the kind allows, the customer accepts and that can reach
 * them — in the caller's transaction, so it exists if and only if its event was handled. Each
 * channel's message is rendered in the customer's language; non-urgent SMS and push wait for the
 * end of the customer's quiet hours; past the hourly cap a message is recorded `suppressed`.
 * Answers how many messages were queued (suppressed ones included).
 */
export async function notify(tx: Queryable, ctx: NotifyContext, req: NotifyRequest): Promise<number> {
  return (await notifyMany(tx, ctx, [req]))[0]!;
}

/**
 * Queues the messages of several requests as `notify` does each, in order, with one pair of
 * statements for all of them (message.store.ts `insertCapped`). Answers how many each queued.
 */
export async function notifyMany(tx: Queryable, ctx: NotifyContext, reqs: readonly NotifyRequest[]): Promise<number[]> {
  const planned: CappedMessage[][] = [];
  for (const req of reqs) planned.push(await plan(tx, ctx, req));
  const statuses = await insertCapped(tx, planned.flat());
  let i = 0;
  return planned.map((messages) => {
    const queued = statuses.slice(i, i + messages.length).filter((s) => s !== undefined).length;
    i += messages.length;
    return queued;
  });
}

/** The messages a request queues, each rendered, with its cap. */
async function plan(tx: Queryable, ctx: NotifyContext, req: NotifyRequest): Promise<CappedMessage[]> {
  const spec = KINDS[req.kind];
  const contact = req.contact ?? (req.userId ? await contactsStore.get(tx, req.userId) : undefined);
  const prefs = req.userId ? await preferencesStore.of(tx, req.userId) : DEFAULTS;
  const locale = contact?.locale ?? null;
  const key = req.key ?? req.eventId ?? newId('key');
  const now = new Date();
  const out: CappedMessage[] = [];

  const queue = (m: Omit<NewMessage, 'id' | 'eventId' | 'category' | 'kind' | 'userId' | 'orderId' | 'locale'>) => {
    const transactional = spec.category === 'transactional';
    const cap = transactional ? ctx.transactionalCapPerHour : ctx.capPerHour[m.channel];
    const wait = m.channel !== 'email' && !spec.urgent ? notBefore(now, ctx.quietHours, contact?.timeZone) : now;
    const capError = `not sent: the cap of ${cap} ${transactional ? 'transactional ' : ''}${m.channel} messages per hour to this recipient was reached`;
    out.push({
      message: {
        ...m,
        id: newId('msg'),
        eventId: req.eventId,
        category: spec.category,
        kind: req.kind,
        userId: req.userId,
        orderId: req.orderId ?? null,
        locale,
        ...(wait > now ? { notBefore: wait } : {}),
      },
      limit: { transactional, cap, capError },
    });
  };

  for (const channel of spec.channels) {
    if (!ctx.enabledChannels.has(channel)) continue;
    if (!isLocked(channel, spec.category) && !prefs[channel][spec.category]) continue;
    if (channel === 'email') {
      const address = req.email ?? contact?.email;
      // Erased customers' addresses are blank or under the reserved .invalid domain: nobody to write to.
      if (!address || /\.invalid$/i.test(address)) continue;
      const unsubscribeUrl = req.userId && spec.category !== 'transactional' ? ctx.unsubscribeUrl(req.userId, spec.category) : undefined;
      const email = ctx.templates.email(req.kind, locale, { ...req.view, unsubscribeUrl });
      queue({ dedupeKey: `${key}:email:${address.toLowerCase()}`, channel, recipient: address, ...email, payload: unsubscribeUrl ? { unsubscribeUrl } : {} });
    } else if (channel === 'sms') {
      const phone = contact?.phone;
      if (!phone || !isValidPhoneNumber(phone)) continue;
      const body = ctx.templates.sms(req.kind, locale, req.view);
      if (!body) continue;
      queue({ dedupeKey: `${key}:sms:${phone}`, channel, recipient: phone, subject: '', html: '', text: body, payload: { body } });
    } else if (req.userId) {
      const push = ctx.templates.push(req.kind, locale, req.view);
      if (!push) continue;
      const url = typeof req.view.link === 'string' ? req.view.link : ctx.publicUrl;
      for (const sub of await pushSubscriptionsStore.ofUser(tx, req.userId)) {
        const recipient = `push:${req.userId}`;
        queue({ dedupeKey: `${key}:push:${sub.id}`, channel, recipient, subject: push.title, html: '', text: push.body, payload: { ...push, url, subscriptionId: sub.id } });
      }
    }
  }
  return out;
}
