import { headers } from 'next/headers';

/**
 * The shop's public origin, for canonical URLs, Open Graph and the sitemap: WEB_PUBLIC_URL when
 * the operator set it, else the host the shopper reached (through the gateway).
 */
export async function siteOrigin(): Promise<string> {
  const configured = (process.env.WEB_PUBLIC_URL || process.env.PUBLIC_URL)?.replace(/\/+$/, '');
  if (configured) return configured;
  const h = await headers();
  const host = h.get('x-forwarded-host') ?? h.get('host') ?? '127.0.0.1:8080';
  const proto = h.get('x-forwarded-proto') === 'https' ? 'https' : 'http';
  return `${proto}://${host}`;
}

/** The nonce of this request's Content-Security-Policy (for the few inline scripts a page has). */
export async function nonce(): Promise<string | undefined> {
  return (await headers()).get('x-nonce') ?? undefined;
}

/** The path (and query) of the page being rendered, as the middleware saw it; `/` when unknown. */
export async function currentPath(): Promise<string> {
  const p = (await headers()).get('x-mercato-path');
  return p && p.startsWith('/') && !p.startsWith('//') ? p : '/';
}
