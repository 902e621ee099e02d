import { formatTime } from './layout.js';
import { builtinTemplates, type RenderedEmail, type TemplateSet } from './template-set.js';

export { formatTime };

/** The kinds of email this service sends. */
export type EmailKind =
  | 'welcome'
  | 'email_verification'
  | 'password_reset'
  | 'password_changed'
  | 'order_confirmed'
  | 'order_shipped'
  | 'order_cancelled'
  | 'payment_failed'
  | 'refunded'
  | 'order_delivered'
  | 'back_in_stock'
  | 'abandoned_cart'
  | 'low_stock';

export type { RenderedEmail };

export interface WelcomeInput {
  name: string;
  shopUrl: string;
}

export interface TokenLinkInput {
  name: string;
  link: string;
  expiresAt: string;
}

/** `${base}${path}?token=…` with the token URL-encoded; `base` has no trailing slash. */
export function tokenLink(base: string, path: string, token: string): string {
  return `${base.replace(/\/+$/, '')}${path}?token=${encodeURIComponent(token)}`;
}

export function verificationLink(base: string, token: string): string {
  return tokenLink(base, '/account/verify', token);
}

export function passwordResetLink(base: string, token: string): string {
  return tokenLink(base, '/account/reset', token);
}

/** Extra per-message settings: the shop's templates and the recipient's language. */
export interface RenderOptions {
  templates?: TemplateSet;
  locale?: string | null;
  /** The one-click unsubscribe link of a non-transactional email. */
  unsubscribeUrl?: string;
}

export function renderWelcome(input: WelcomeInput, o: RenderOptions = {}): RenderedEmail {
  return (o.templates ?? builtinTemplates()).email('welcome', o.locale, { ...input, unsubscribeUrl: o.unsubscribeUrl });
}

export function renderEmailVerification(input: TokenLinkInput, o: RenderOptions = {}): RenderedEmail {
  return (o.templates ?? builtinTemplates()).email('email_verification', o.locale, { ...input });
}

export function renderPasswordReset(input: TokenLinkInput, o: RenderOptions = {}): RenderedEmail {
  return (o.templates ?? builtinTemplates()).email('password_reset', o.locale, { ...input });
}
