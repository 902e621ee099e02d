import type { Problem } from '@mercato/client';
import { ApiError, ServiceUnavailable } from './api';
import { t, tOr } from './i18n';

/** What a form action answers: a message for the whole form, and one per field it names. */
export interface FormState {
  ok?: string;
  error?: string;
  fieldErrors?: Record<string, string>;
  /** Values to show again after a refusal (never passwords). */
  values?: Record<string, string>;
}

/** `/shippingAddress/postalCode` → `shippingAddress.postalCode`, the form field's name. */
export function fieldOf(pointer: string): string {
  return pointer.replace(/^\/(body\/)?/, '').split('/').filter(Boolean).join('.');
}

/** A refusal of the API as a form state: its field errors next to their fields, its code in words. */
export function stateOfProblem(problem: Problem, messages: Record<string, string> = {}): FormState {
  const fieldErrors: Record<string, string> = {};
  for (const e of problem.errors ?? []) {
    const field = fieldOf(e.pointer);
    if (field && !fieldErrors[field]) fieldErrors[field] = e.message;
  }
  const byCode = problem.code ? messages[problem.code] : undefined;
  const error = byCode ?? (Object.keys(fieldErrors).length > 0 ? t('form.fix') : tOr(`error.${problem.code}`, problem.detail ?? problem.title ?? `HTTP ${problem.status}`));
  return { error, ...(Object.keys(fieldErrors).length > 0 ? { fieldErrors } : {}) };
}

/** Runs a form's work: an API refusal or an unavailable service becomes a message, not a crash. */
export async function formAction(work: () => Promise<FormState>, messages: Record<string, string> = {}): Promise<FormState> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof ApiError) return stateOfProblem(err.problem, messages);
    if (err instanceof ServiceUnavailable) return { error: t('error.unavailable.body') };
    throw err;
  }
}

/** A text field of a form, trimmed; undefined when empty. */
export function field(form: FormData, name: string): string | undefined {
  const v = form.get(name);
  if (typeof v !== 'string') return undefined;
  const s = v.trim();
  return s === '' ? undefined : s;
}

/** The non-secret fields of a form, to show again. */
export function echo(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of form.entries()) if (typeof v === 'string' && !/password|token|\$ACTION/i.test(k)) out[k] = v;
  return out;
}
