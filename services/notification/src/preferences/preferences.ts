/** The channels and categories a customer chooses between. */
export const CHANNELS = ['email', 'sms', 'push'] as const;
export type ChannelName = (typeof CHANNELS)[number];
export const CATEGORIES = ['transactional', 'account', 'marketing', 'stock_alerts'] as const;
export type Category = (typeof CATEGORIES)[number];

export type Preferences = Record<ChannelName, Record<Category, boolean>>;

/**
 * What a customer gets before choosing: everything about their orders and account by email and
 * push; stock alerts they asked for; no marketing (opt-in); no SMS until they turn it on (it
 * costs the shop and reaches a phone).
 */
export const DEFAULTS: Preferences = {
  email: { transactional: true, account: true, marketing: false, stock_alerts: true },
  sms: { transactional: false, account: false, marketing: false, stock_alerts: false },
  push: { transactional: true, account: true, marketing: false, stock_alerts: true },
};

/** Transactional email (order confirmations, password resets) always goes: it cannot be turned off. */
export function isLocked(channel: ChannelName, category: Category): boolean {
  return channel === 'email' && category === 'transactional';
}

/** The defaults with a customer's stored choices over them. */
export function effectivePreferences(stored: ReadonlyArray<{ channel: ChannelName; category: Category; enabled: boolean }>): Preferences {
  const out = structuredClone(DEFAULTS);
  for (const s of stored) if (!isLocked(s.channel, s.category)) out[s.channel][s.category] = s.enabled;
  return out;
}
