import { escapeHtml } from './escape.js';
import { button, formatTime, layout, oneLine, SHOP } from './layout.js';

export { formatTime };

/** The kinds of email this service sends. */
export type EmailKind =
  | 'welcome'
  | 'email_verification'
  | 'password_reset'
  | 'order_confirmed'
  | 'order_shipped'
  | 'order_cancelled'
  | 'payment_failed'
  | 'refunded';

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

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

export function renderWelcome(input: WelcomeInput): RenderedEmail {
  const subject = oneLine(`Welcome to ${SHOP}, ${input.name}`);
  const html = layout(
    subject,
    `<h1 style="font-size:22px">Welcome, ${escapeHtml(input.name)}!</h1>
<p>Your account is ready. Thank you for joining us.</p>
${button(input.shopUrl, 'Start shopping')}`,
  );
  const text = `Welcome, ${input.name}!

Your account is ready. Thank you for joining us.

Start shopping: ${input.shopUrl}

-- ${SHOP}
`;
  return { subject, html, text };
}

export function renderEmailVerification(input: TokenLinkInput): RenderedEmail {
  const subject = `Confirm your email address`;
  const expires = formatTime(input.expiresAt);
  const html = layout(
    subject,
    `<h1 style="font-size:22px">Confirm your email address</h1>
<p>Hello ${escapeHtml(input.name)}, please confirm that this is your email address.</p>
${button(input.link, 'Confirm email address')}
<p style="font-size:13px;color:#555">The link works until ${escapeHtml(expires)}. If you did not create an account, ignore this email.</p>`,
  );
  const text = `Hello ${input.name},

please confirm that this is your email address:

${input.link}

The link works until ${expires}. If you did not create an account, ignore this email.

-- ${SHOP}
`;
  return { subject, html, text };
}

export function renderPasswordReset(input: TokenLinkInput): RenderedEmail {
  const subject = `Reset your password`;
  const expires = formatTime(input.expiresAt);
  const html = layout(
    subject,
    `<h1 style="font-size:22px">Reset your password</h1>
<p>Hello ${escapeHtml(input.name)}, we received a request to reset the password of your account.</p>
${button(input.link, 'Choose a new password')}
<p style="font-size:13px;color:#555">The link works once, until ${escapeHtml(expires)}. If you did not ask for this, ignore this email: your password stays as it is.</p>`,
  );
  const text = `Hello ${input.name},

we received a request to reset the password of your account. Choose a new password here:

${input.link}

The link works once, until ${expires}. If you did not ask for this, ignore this email: your password stays as it is.

-- ${SHOP}
`;
  return { subject, html, text };
}
