import type { ApiClient } from '@mercato/client';
import { redirect } from 'next/navigation';
import { api, ApiError, namesNothing, problemOf, ServiceUnavailable } from './api';
import { markUnavailable, pageForbidden, pageNotFound } from './runtime';
import { currentUser } from './session';
import type { TokenClaims } from './session-cookies';
import { currentPath } from './site';

// The back office's access rules and its server-side API calls. The UI only follows the roles
// in the signed-in user's token: it hides what a role may not use and refuses to render it (403);
// every service still decides on its own what the token may do.

export type Role = 'admin' | 'catalog_manager' | 'support';
export const STAFF_ROLES: readonly Role[] = ['admin', 'catalog_manager', 'support'];

export type SectionKey = 'dashboard' | 'catalog' | 'categories' | 'import' | 'orders' | 'inventory' | 'customers' | 'reviews' | 'operations';

export interface Section {
  key: SectionKey;
  href: string;
  roles: readonly Role[];
}

/** The back office's areas, in the order of the navigation, and the roles that may use each. */
export const SECTIONS: readonly Section[] = [
  { key: 'dashboard', href: '/admin', roles: ['admin', 'catalog_manager', 'support'] },
  { key: 'catalog', href: '/admin/catalog', roles: ['admin', 'catalog_manager'] },
  { key: 'categories', href: '/admin/categories', roles: ['admin', 'catalog_manager'] },
  { key: 'import', href: '/admin/import', roles: ['admin', 'catalog_manager'] },
  { key: 'orders', href: '/admin/orders', roles: ['admin', 'support'] },
  { key: 'inventory', href: '/admin/inventory', roles: ['admin', 'catalog_manager'] },
  { key: 'customers', href: '/admin/customers', roles: ['admin', 'support'] },
  { key: 'reviews', href: '/admin/reviews', roles: ['admin', 'support'] },
  { key: 'operations', href: '/admin/operations', roles: ['admin'] },
];

export function sectionOf(key: SectionKey): Section {
  return SECTIONS.find((s) => s.key === key)!;
}

/** Whether a user with `roles` may use a section. */
export function mayUse(roles: readonly string[], key: SectionKey): boolean {
  return sectionOf(key).roles.some((r) => roles.includes(r));
}

/** Whether the user has any staff role at all. */
export function isStaff(roles: readonly string[]): boolean {
  return STAFF_ROLES.some((r) => roles.includes(r));
}

/** The sections a user may use, for the navigation. */
export function sectionsFor(roles: readonly string[]): Section[] {
  return SECTIONS.filter((s) => mayUse(roles, s.key));
}

/**
 * The back office's sign-in page, coming back to `next` afterwards; `ended` when the API refused
 * the session (revoked by a password change or reset elsewhere): the page forgets it and says so.
 */
export function signInPath(next: string, ended = false): string {
  return `/admin/sign-in?${ended ? 'ended=1&' : ''}next=${encodeURIComponent(next)}`;
}

/**
 * The guard every admin page calls first: a signed-out visitor goes to the sign-in page (and
 * back here after it); a signed-in user without a role for `key` gets the 403 page. Returns the
 * user's claims. Call it in each page (and each server action): a layout alone does not guard.
 */
export async function requireSection(key: SectionKey): Promise<TokenClaims> {
  const user = await currentUser();
  if (!user) redirect(signInPath(await currentPath()));
  if (!mayUse(user.roles, key)) await pageForbidden();
  return user;
}

/** The API client as the signed-in staff user (their access token from the session cookie). */
export async function adminApi(): Promise<ApiClient> {
  return api();
}

interface Answer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/**
 * For a page's reads: the data, or 401 → sign in again (the session forgotten); 403 → the 403
 * page; 404 (or a malformed id in the path) → the not-found page; 5xx or unreachable →
 * ServiceUnavailable (503 page); another refusal → ApiError.
 */
export async function load<T>(r: Answer<T>, what = 'the back office'): Promise<T> {
  if (r.response.ok) return r.data as T;
  const status = r.response.status;
  // The session is in the cookies (requireSection saw it) but the API refused it: without
  // forgetting it, the sign-in page would take it for a session and send the user back here.
  if (status === 401) redirect(signInPath(await currentPath(), true));
  if (status === 403) await pageForbidden();
  if (namesNothing(r)) pageNotFound();
  if (status === 0 || status >= 500) {
    markUnavailable();
    throw new ServiceUnavailable(what);
  }
  throw new ApiError(problemOf(r));
}

/** For a part of a page that can do without its data (another service's panel): undefined on any failure. */
export function maybe<T>(r: Answer<T>): T | undefined {
  return r.response.ok ? (r.data as T) : undefined;
}

/** Query-string values of a page's `searchParams` (the first when repeated), trimmed, bounded. */
export function param(value: string | string[] | undefined, max = 200): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  const s = v?.trim().slice(0, max);
  return s ? s : undefined;
}
