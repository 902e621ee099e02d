import { escapeHtml } from './escape.js';

/** The kinds of email this service sends. */
export type EmailKind = 'welcome' | 'email_verification' | 'password_reset';

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

const SHOP = 'mercato';

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

// Subjects go into a header: no line breaks, whatever a name contains.
function oneLine(value: string): string {
  return value.replace(/[\r\n\t]+/g, ' ').trim();
}

/** UTC, to the minute: "2026-01-02 03:04 UTC". */
export function formatTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function layout(title: string, bodyHtml: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head>
<body style="margin:0;padding:24px;background:#f6f6f6;font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#222">
<div style="max-width:560px;margin:0 auto;background:#fff;border-radius:8px;padding:32px">
${bodyHtml}
<p style="margin-top:32px;font-size:12px;color:#888">${escapeHtml(SHOP)}</p>
</div>
</body>
</html>
`;
}

function button(href: string, label: string): string {
  return `<p><a href="${escapeHtml(href)}" style="display:inline-block;padding:12px 20px;background:#222;color:#fff;border-radius:6px;text-decoration:none">${escapeHtml(label)}</a></p>
<p style="font-size:13px;color:#555">Or copy this link into your browser:<br><a href="${escapeHtml(href)}">${escapeHtml(href)}</a></p>`;
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
