import { DomainError, type Queryable } from '@mercato/chassis';
import { isValidPhoneNumber } from 'libphonenumber-js/max';
import { contactsStore } from '../contacts/contacts.store.js';
import { pushSubscriptionsStore } from '../push/push-subscriptions.store.js';
import { CATEGORIES, CHANNELS, isLocked, type Category, type ChannelName } from './preferences.js';
import { preferencesStore } from './preferences.store.js';

export class TransactionalEmailRequired extends DomainError {
  constructor() {
    super({
      type: 'transactional_email_required',
      status: 422,
      title: 'Unprocessable request',
      detail: 'Transactional email (order confirmations, password resets) cannot be turned off',
    });
  }
}

export type PreferencesPatch = Partial<Record<ChannelName, Partial<Record<Category, boolean>>>>;

/** A customer's preferences as shown to them, with what cannot change and what can reach them. */
export async function preferencesView(q: Queryable, userId: string, smsConfigured: boolean) {
  const [channels, contact, subs] = await Promise.all([preferencesStore.of(q, userId), contactsStore.get(q, userId), pushSubscriptionsStore.ofUser(q, userId)]);
  return {
    channels,
    locked: [{ channel: 'email', category: 'transactional' }],
    sms: { available: smsConfigured && !!contact?.phone && isValidPhoneNumber(contact.phone) },
    push: { subscriptions: subs.length },
  };
}

/** Applies a customer's changes at once; turning transactional email off is refused (422). */
export async function changePreferences(q: Queryable, userId: string, patch: PreferencesPatch): Promise<void> {
  const choices: Array<{ channel: ChannelName; category: Category; enabled: boolean }> = [];
  for (const channel of CHANNELS) {
    for (const category of CATEGORIES) {
      const enabled = patch[channel]?.[category];
      if (enabled === undefined) continue;
      if (isLocked(channel, category)) {
        if (!enabled) throw new TransactionalEmailRequired();
        continue;
      }
      choices.push({ channel, category, enabled });
    }
  }
  await preferencesStore.set(q, userId, choices);
}
