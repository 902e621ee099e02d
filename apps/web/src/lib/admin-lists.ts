import type { Problem } from '@mercato/client';
import { problemOf } from './api';
import { load } from './admin';
import { fieldOf } from './form';
import { t } from './i18n';

// The lists of the back office's orders, stock, customers, operations and reviews: a refusal of
// the list's query shows next to the filter it names, on the page (not as an error page).

export type Loaded<T> = { ok: true; data: T } | { ok: false; error: string; fieldErrors: Record<string, string> };

/** A list refusal's field errors under the filter form's names (`rename`: API param → field), and its message. */
export function listProblem(problem: Problem, rename: Record<string, string> = {}): { error: string; fieldErrors: Record<string, string> } {
  const fieldErrors: Record<string, string> = {};
  for (const e of problem.errors ?? []) {
    const param = fieldOf(e.pointer).replace(/^query\./, '');
    const field = rename[param] ?? param;
    fieldErrors[field] ??= e.message;
  }
  // A cursor is no field of the form: a refused one (made up, or of another sort) is a stale link.
  const staleLink = problem.code === 'invalid_cursor' || fieldErrors.cursor !== undefined;
  const error = staleLink ? t('admin.list.badCursor') : Object.keys(fieldErrors).length > 0 ? t('admin.list.fix') : (problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
  return { error, fieldErrors };
}

/**
 * A list's answer: its data; a session that ended or a role that may not → sign-in or the 403
 * page (as every admin read); the service away → said on the page; another refusal → its words
 * and field errors.
 */
export async function loaded<T>(r: { data?: T; error?: unknown; response: Response }, rename: Record<string, string> = {}): Promise<Loaded<T>> {
  if (r.response.ok) return { ok: true, data: r.data as T };
  const status = r.response.status;
  if (status === 401 || status === 403) await load(r);
  const problem = problemOf(r);
  if (problem.code === 'operations_unavailable') return { ok: false, error: t('admin.operations.noToken'), fieldErrors: {} };
  if (status === 0 || status >= 500) return { ok: false, error: t('error.unavailable.body'), fieldErrors: {} };
  return { ok: false, ...listProblem(problem, rename) };
}
