import type { AsyncLocalStorage } from 'node:async_hooks';
import { headers } from 'next/headers';
import { forbidden, notFound } from 'next/navigation';

// What the web app's server (server.mjs) shares with the pages it renders, per request.

interface RequestState {
  /** A service the page needed did not answer: the error page goes out as 503. */
  unavailable: boolean;
  /** The page called notFound(): its 404 goes out as the not-found page (see server.mjs). */
  notFound?: boolean;
  /**
   * The page called pageForbidden(): its 403 goes out as the back office's 403 page, rendered
   * for the same session (the cookies the page saw, a refreshed session's included).
   */
  forbidden?: { cookie: string };
  /** This server asked itself for its own 403 page (see server.mjs): only then is it rendered. */
  forbiddenView?: boolean;
}

const requests = (globalThis as Record<symbol, unknown>)[Symbol.for('mercato.web.requests')] as AsyncLocalStorage<RequestState> | undefined;

/**
 * notFound() for a page: the 404, and a word to the web server, which sends the not-found page
 * whole instead of the empty error document Next answers a page's notFound() with. Pages call
 * this, never next/navigation's notFound() (the lint says so).
 */
export function pageNotFound(): never {
  const state = requests?.getStore();
  if (state) state.notFound = true;
  notFound();
}

/**
 * forbidden() for a page: the 403, and a word to the web server, which sends the 403 page whole
 * (in the back office's frame, for the same user) instead of Next's empty error document. Pages
 * and the back office's guards call this, never next/navigation's forbidden() (the lint says so).
 */
export async function pageForbidden(): Promise<never> {
  const state = requests?.getStore();
  if (state) state.forbidden = { cookie: (await headers()).get('cookie') ?? '' };
  forbidden();
}

/** Whether the request being rendered is the web server's own, for its 403 page. */
export function isForbiddenView(): boolean {
  return requests?.getStore()?.forbiddenView === true;
}

/** Marks the request being rendered as failed for want of a service (503, not 500). */
export function markUnavailable(): void {
  const state = requests?.getStore();
  if (state) state.unavailable = true;
}

/**
 * The gateway the server side calls: MERCATO_API_URL (e.g. http://127.0.0.1:8080), or API_URL as
 * the container image names it (with or without its /api/v1).
 */
export function apiBase(): string | undefined {
  const url = process.env.MERCATO_API_URL || process.env.API_URL;
  return url?.replace(/\/+$/, '').replace(/\/api\/v1$/, '') || undefined;
}

/** The key the gateway knows this web app by (its calls are then rate-limited per shopper). */
export function frontendKey(): string | undefined {
  return process.env.GATEWAY_FRONTEND_KEY || undefined;
}
