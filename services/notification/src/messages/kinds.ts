import type { Category, ChannelName } from '../preferences/preferences.js';
import type { EmailKind } from '../templates/templates.js';

export interface KindSpec {
  category: Category;
  /** The channels this kind may go by (each still needs the customer's yes and a template). */
  channels: readonly ChannelName[];
  /** Urgent messages ignore quiet hours (only SMS and push have them). */
  urgent: boolean;
}

/** Every message the shop sends: its category (what preferences decide on) and channels. */
export const KINDS: Readonly<Record<EmailKind, KindSpec>> = {
  welcome: { category: 'account', channels: ['email'], urgent: false },
  email_verification: { category: 'transactional', channels: ['email'], urgent: true },
  password_reset: { category: 'transactional', channels: ['email'], urgent: true },
  password_changed: { category: 'transactional', channels: ['email'], urgent: true },
  order_confirmed: { category: 'transactional', channels: ['email', 'push'], urgent: false },
  order_shipped: { category: 'transactional', channels: ['email', 'sms', 'push'], urgent: false },
  order_delivered: { category: 'transactional', channels: ['email', 'sms', 'push'], urgent: false },
  order_cancelled: { category: 'transactional', channels: ['email'], urgent: false },
  payment_failed: { category: 'transactional', channels: ['email'], urgent: false },
  refunded: { category: 'transactional', channels: ['email'], urgent: false },
  back_in_stock: { category: 'stock_alerts', channels: ['email', 'sms', 'push'], urgent: false },
  abandoned_cart: { category: 'marketing', channels: ['email', 'push'], urgent: false },
  low_stock: { category: 'stock_alerts', channels: ['email'], urgent: false },
};

export const KIND_NAMES = Object.keys(KINDS) as EmailKind[];
