import type { Problem } from '@mercato/client';
import { revalidatePath } from 'next/cache';
import { ApiError } from './api';
import type { SectionKey } from './admin';
import { adminAction } from './admin-form';
import type { FormState } from './form';
import { tOr } from './i18n';

// The orders, stock, customer, operations and review actions on top of the back office's
// `adminAction` (role re-check, refusal → form state): a refusal's code in words *with the
// problem's own figures* (`admin.error.<code>` filled from its extensions, e.g. the refundable
// amount), the API's field names mapped to the form's, and the pages to render again after.

export interface OpsOptions {
  /** API field → form field (`amount.amount` → `amount`; a prefix maps its sub-fields too). */
  rename?: Record<string, string>;
  /** Placeholders for `admin.error.<code>` from the problem (money in words, a state's name). */
  vars?: (p: Problem) => Record<string, string | number>;
  /** Paths whose pages change with the action. */
  revalidate?: string[];
}

/** `problem` reworded for the form: its pointers under the form's names, its code in words. */
export function reworded(problem: Problem, opts: OpsOptions): Problem {
  const rename = opts.rename ?? {};
  const errors = problem.errors?.map((e) => {
    const parts = e.pointer.replace(/^\/(body\/)?/, '').split('/').filter(Boolean);
    const full = parts.join('.');
    const field = rename[full] ?? rename[parts[0] ?? ''];
    return field ? { ...e, pointer: `/${field}` } : e;
  });
  const vars = { ...(problem as Record<string, string | number>), ...(opts.vars?.(problem) ?? {}) };
  const words = problem.code ? tOr(`admin.error.${problem.code}`, '', vars) : '';
  const out: Problem = { ...problem, ...(errors ? { errors } : {}) };
  if (words) {
    out.detail = words;
    // The words replace the code's generic message (stateOfProblem falls back to the detail).
    delete out.code;
  }
  return out;
}

/** A back-office action of `section`: `work` throws ApiError on a refusal (orThrow); this shows it. */
export async function opsAction(section: SectionKey, form: FormData | undefined, work: () => Promise<FormState>, opts: OpsOptions = {}): Promise<FormState> {
  return adminAction(section, form, async () => {
    try {
      const state = await work();
      for (const path of opts.revalidate ?? []) revalidatePath(path);
      return state;
    } catch (err) {
      if (err instanceof ApiError) throw new ApiError(reworded(err.problem, opts));
      throw err;
    }
  });
}
