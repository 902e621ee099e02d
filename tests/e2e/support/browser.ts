import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

// The browser of the storefront's end-to-end suite: Debian's chromium driven by playwright-core
// (no browser is downloaded), a fresh profile per run, axe-core on every page, screenshots for
// the web app's README.

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = new URL('../../../apps/web/docs/screenshots/', import.meta.url).pathname;
export const VIEWPORTS = { desktop: { width: 1280, height: 900 }, phone: { width: 360, height: 740 } } as const;

/** Why the browser suites cannot run here, or false. With servers required (CI), a missing chromium fails. */
export function skipUnlessChromium(): string | false {
  if (existsSync(CHROMIUM)) return false;
  const reason = `skipped: no chromium at ${CHROMIUM} (apt-get install chromium)`;
  if (process.env.MERCATO_REQUIRE_SERVERS === '1') throw new Error(`${reason}, and the browser is required`);
  return reason;
}

export interface TestBrowser {
  browser: Browser;
  /** A new context (its own cookies: a new shopper), desktop-sized unless told. */
  shopper(viewport?: { width: number; height: number }): Promise<BrowserContext>;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<TestBrowser> {
  // playwright-core gives the browser a fresh, temporary profile (--user-data-dir) of its own and
  // removes it on close; each context below is a separate shopper with its own cookies.
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    browser,
    async shopper(viewport = VIEWPORTS.desktop) {
      const ctx = await browser.newContext({ viewport, locale: 'en-US', timezoneId: 'UTC' });
      ctx.setDefaultTimeout(20_000);
      return ctx;
    },
    async close() {
      await browser.close();
    },
  };
}

/** Fails the test on any Content-Security-Policy violation or script error the page reports. */
export function watchPage(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    const text = m.text();
    if (m.type() === 'error' && /Content Security Policy|Refused to/.test(text)) problems.push(text);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  return problems;
}

let axeSource: string | undefined;

/** Runs axe-core on the page as it is: no serious or critical violation. */
/** The Cookie header of the page's browser context, for a fetch as the same visitor. */
export async function cookieHeader(page: Page): Promise<string> {
  return (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
}

export async function assertAccessible(page: Page, what: string): Promise<void> {
  axeSource ??= await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  // A client-side transition (a currency switch re-renders the page) swaps the head's <title>
  // for a moment: let it settle first. A page that really has none is still reported, 5 s later.
  await page.waitForLoadState('load');
  await page.waitForFunction(() => (globalThis as unknown as { document: { title: string } }).document.title !== '', undefined, { timeout: 5_000 }).catch(() => undefined);
  // Evaluated through the debugging protocol: the page's own CSP (which forbids inline scripts) stays on.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: Array<{ id: string; impact: string; help: string; nodes: Array<{ target: unknown }> }> }> } }).axe;
    const result = await axe.run((globalThis as unknown as { document: unknown }).document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)) }));
  });
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(serious, [], `${what}: accessibility violations`);
}

/**
 * What of the page is wider than the window at its current size: the page itself, or a table
 * that has to be scrolled sideways to be read (by its caption).
 */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const doc = (globalThis as unknown as { document: { documentElement: { scrollWidth: number }; querySelectorAll: (s: string) => Iterable<{ caption: { textContent: string | null } | null; parentElement: { scrollWidth: number; clientWidth: number } | null }> } }).document;
    const width = (globalThis as unknown as { innerWidth: number }).innerWidth;
    const out: string[] = [];
    if (doc.documentElement.scrollWidth > width) out.push(`the page (${doc.documentElement.scrollWidth} px)`);
    for (const table of doc.querySelectorAll('table')) {
      const wrap = table.parentElement;
      if (wrap && wrap.scrollWidth > wrap.clientWidth) out.push(`table "${table.caption?.textContent ?? '?'}" (${wrap.scrollWidth} px in ${wrap.clientWidth})`);
    }
    return out;
  });
}

/**
 * Screenshots of the page at desktop and phone sizes into apps/web/docs/screenshots (for the
 * README); with `dark`, also the desktop view in the dark colour scheme. At every size the page
 * and its tables must fit the window (checked after the pictures are taken, so they can be seen).
 */
export async function screenshots(page: Page, name: string, opts: { dark?: boolean } = {}): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true });
  const before = page.viewportSize();
  const tooWide: string[] = [];
  for (const [vp, size] of Object.entries(VIEWPORTS)) {
    await page.setViewportSize(size);
    await page.waitForTimeout(150);
    await page.screenshot({ path: join(SCREENSHOTS, `${name}-${vp}.png`) });
    for (const what of await overflowing(page)) tooWide.push(`${vp}: ${what}`);
  }
  if (opts.dark) {
    await page.setViewportSize(VIEWPORTS.desktop);
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.waitForTimeout(150);
    await page.screenshot({ path: join(SCREENSHOTS, `${name}-dark.png`) });
    await page.emulateMedia({ colorScheme: 'light' });
  }
  if (before) await page.setViewportSize(before);
  assert.deepEqual(tooWide, [], `${name}: wider than the window`);
}

/** The newest mail in the platform's mailbox that contains every one of `needles`, decoded from quoted-printable. */
export async function mailWith(mailbox: string, needles: string[]): Promise<string | undefined> {
  const { readdir } = await import('node:fs/promises');
  const files = (await readdir(mailbox).catch(() => [] as string[])).filter((f) => f.endsWith('.eml')).sort().reverse();
  for (const f of files) {
    const text = (await readFile(join(mailbox, f), 'utf8')).replace(/=\r?\n/g, '').replace(/=3D/g, '=');
    if (needles.every((n) => text.includes(n))) return text.replace(/&amp;/g, '&');
  }
  return undefined;
}
