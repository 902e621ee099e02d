import en from '../messages/en.json';
import adminEn from '../messages/admin.en.json';
import adminOpsEn from '../messages/admin-ops.en.json';

// Every string the shop shows comes from one message file per language (messages/<lang>.json).
// English is the only language today; the locale is fixed here until a second one arrives.

// The back office's strings are in files of their own (admin*.en.json), one per area of it.
const all = { ...en, ...adminEn, ...adminOpsEn };
export type MessageKey = keyof typeof all;
export const LOCALE = 'en';
const messages: Record<string, string> = all;

/** The message for `key`, with `{name}` placeholders filled from `vars`. */
export function t(key: MessageKey, vars?: Record<string, string | number>): string {
  const text = messages[key] ?? key;
  return vars ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m)) : text;
}

/** A message by a key made at run time (e.g. a status or an error code), or `fallback`. */
export function tOr(key: string, fallback: string, vars?: Record<string, string | number>): string {
  return key in messages ? t(key as MessageKey, vars) : fallback;
}
