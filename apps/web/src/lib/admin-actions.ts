import type { Problem } from '@mercato/client';
import { revalidatePath } from 'next/cache';
import { ApiError, must, ServiceUnavailable } from './api';
import { fieldOf, type FormState } from './form';
import { t, tOr } from './i18n';

// What the back office's buttons and forms share on the server side: an API refusal becomes
// words (by its code, with the problem's own figures) and field errors under the form's names.

interface Answer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The answer's data, or an ApiError / ServiceUnavailable the form turns into words. */
export function ok<T>(r: Answer<T>, what: string): T {
  return must(r, what);
}

/**
 * A refusal as a form state: field errors under the form's names (`rename` maps the API's
 * field, e.g. `amount.amount` → `amount`), the code in words from `admin.error.<code>` with the
 * problem's extensions as placeholders, else the API's own detail.
 */
export function refusal(problem: Problem, rename: Record<string, string> = {}, vars: (p: Problem) => Record<string, string | number> = () => ({})): FormState {
  const fieldErrors: Record<string, string> = {};
  for (const e of problem.errors ?? []) {
    const raw = fieldOf(e.pointer);
    const field = rename[raw] ?? rename[raw.split('.')[0] ?? ''] ?? raw;
    if (field && !fieldErrors[field]) fieldErrors[field] = e.message;
  }
  const detail = problem.detail ?? problem.title ?? `HTTP ${problem.status}`;
  const words = problem.code ? tOr(`admin.error.${problem.code}`, '', { ...(problem as Record<string, string | number>), ...vars(problem) }) : '';
  const error = words || (Object.keys(fieldErrors).length > 0 ? t('form.fix') : detail);
  return { error, ...(Object.keys(fieldErrors).length > 0 ? { fieldErrors } : {}) };
}

/** Runs a back-office form's work; a refusal or an unavailable service is shown, never thrown. */
export async function adminAction(
  work: () => Promise<FormState>,
  opts: { rename?: Record<string, string>; vars?: (p: Problem) => Record<string, string | number>; revalidate?: string[] } = {},
): Promise<FormState> {
  try {
    const state = await work();
    for (const path of opts.revalidate ?? []) revalidatePath(path);
    return state;
  } catch (err) {
    if (err instanceof ApiError) return refusal(err.problem, opts.rename, opts.vars);
    if (err instanceof ServiceUnavailable) return { error: t('error.unavailable.body') };
    throw err;
  }
}
