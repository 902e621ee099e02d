import type { Problem } from '@mercato/client';
import { ApiError, problemOf, ServiceUnavailable } from './api';
import { echo, stateOfProblem, type FormState } from './form';
import { t } from './i18n';
import { currentUser } from './session';
import { mayUse, type SectionKey } from './admin';

// Server actions of the back office: the same form state as the storefront's (lib/form.ts: the
// API's field errors next to their fields by `errors[].pointer`, other refusals in words), plus
// the refusals staff meet: a session that ended, a role that may not, an edit that went stale.

/** The API's field errors by form field name (`/variants/0/sku` → `variants.0.sku`). */
export function fieldErrorsOf(problem: Problem): Record<string, string> {
  return stateOfProblem(problem).fieldErrors ?? {};
}

/**
 * Runs an admin form's work for a user allowed in `section`: an API refusal becomes the form's
 * state (field errors, the code in words via `messages`, else `error.<code>` from the messages
 * file, else the problem's detail), and the form's values are kept to show again.
 */
export async function adminAction(section: SectionKey, form: FormData | undefined, work: () => Promise<FormState>, messages: Record<string, string> = {}): Promise<FormState> {
  const user = await currentUser();
  if (!user) return { error: t('admin.error.signedOut'), ...(form ? { values: echo(form) } : {}) };
  if (!mayUse(user.roles, section)) return { error: t('admin.error.forbidden') };
  try {
    return await work();
  } catch (err) {
    const values = form ? { values: echo(form) } : {};
    if (err instanceof ApiError) {
      const known = { forbidden: t('admin.error.forbidden'), unauthorized: t('admin.error.signedOut'), ...messages };
      const state = stateOfProblem(err.problem, known);
      if (err.problem.status === 403 && !err.problem.code) state.error = t('admin.error.forbidden');
      if (err.problem.status === 401) state.error = t('admin.error.signedOut');
      return { ...state, ...values };
    }
    if (err instanceof ServiceUnavailable) return { error: t('error.unavailable.body'), ...values };
    throw err;
  }
}

/** A failed answer of the API as an ApiError (for `adminAction` to show), or its data. */
export function orThrow<T>(r: { data?: T; error?: unknown; response: Response }, what = 'the back office'): T {
  if (r.response.ok) return r.data as T;
  if (r.response.status === 0 || r.response.status >= 500) throw new ServiceUnavailable(what);
  throw new ApiError(problemOf(r));
}
