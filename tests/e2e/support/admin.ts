import assert from 'node:assert/strict';
import { eventually } from '@mercato/chassis/testing';
import type { Page } from 'playwright-core';
import { assertAccessible } from './browser.js';

// Helpers of the back office's browser suites: staff accounts made through the API, and the
// back office's own sign-in in the browser.

export interface Credentials {
  email: string;
  password: string;
}

/** A JSON call to the gateway's API (`base` is the gateway's origin), with a bearer token when given. */
export async function apiCall(base: string, path: string, init: RequestInit & { token?: string } = {}): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${base}/api/v1${path}`, {
    ...init,
    headers: { 'content-type': 'application/json', ...(init.token ? { authorization: `Bearer ${init.token}` } : {}), ...(init.headers as Record<string, string> | undefined) },
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

/** The access token of an account (by password). */
export async function tokenOf(base: string, who: Credentials): Promise<string> {
  const r = await apiCall(base, '/auth/login', { method: 'POST', body: JSON.stringify(who) });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return String(r.body.accessToken);
}

/**
 * Registers an account and, with `roles`, gives it those roles as the admin (`adminToken`).
 * The roles are in the tokens of its next sign-in. Answers the user's id.
 */
export async function staffUser(base: string, adminToken: string, who: Credentials & { name: string }, roles: Array<'admin' | 'catalog_manager' | 'support'> = []): Promise<string> {
  const r = await apiCall(base, '/auth/register', { method: 'POST', body: JSON.stringify(who) });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  const sub = (JSON.parse(Buffer.from(String(r.body.accessToken).split('.')[1]!, 'base64url').toString('utf8')) as { sub: string }).sub;
  if (roles.length > 0) {
    // The user service makes the profile from the registration's event: 404 until it has.
    const set = await eventually(async () => {
      const r = await apiCall(base, `/users/${sub}/roles`, { method: 'PUT', token: adminToken, body: JSON.stringify({ roles: ['customer', ...roles] }) });
      return r.status === 404 ? undefined : r;
    }, 20_000, 100);
    assert.equal(set.status, 200, JSON.stringify(set.body));
  }
  return sub;
}

/** Opens /admin signed out (→ the back office's sign-in page, checked by axe), signs in, lands on the dashboard. */
export async function signInToAdmin(page: Page, base: string, who: Credentials): Promise<void> {
  await page.goto(`${base}/admin`);
  await page.waitForURL(/\/admin\/sign-in\?next=%2Fadmin$/);
  await assertAccessible(page, 'admin sign-in');
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/admin$/);
}
