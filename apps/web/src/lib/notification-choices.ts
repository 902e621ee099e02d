/** The notification service's channels and message categories, in the order the account shows them. */
export const CHANNELS = ['email', 'sms', 'push'] as const;
export const CATEGORIES = ['transactional', 'account', 'marketing', 'stock_alerts'] as const;
