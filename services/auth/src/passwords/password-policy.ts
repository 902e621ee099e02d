import { lazyModule } from '@mercato/chassis';
import type { FieldError } from '@mercato/contracts';
import type common from '@zxcvbn-ts/language-common';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

// The most common passwords from leaked sets (about 30,000, ranked), shipped as data by an npm
// package. Loaded on the first password checked (not at every start), lower-cased.
const commonPasswords = lazyModule(import.meta.url, '@zxcvbn-ts/language-common', (list: typeof common) =>
  new Set(list.dictionary.passwords.map((p) => p.toLowerCase())),
);
function isCommon(candidate: string): boolean {
  return commonPasswords().has(candidate);
}

/**
 * Why a password is refused, or undefined when it is acceptable: 12 to 128 characters, not a
 * common password (nor one padded with digits or symbols), not the email, not one repeated
 * character or pattern of very few characters.
 */
export function checkPassword(password: string, email: string): string | undefined {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return `must be at least ${PASSWORD_MIN_LENGTH} characters long`;
  if (length > PASSWORD_MAX_LENGTH) return `must be at most ${PASSWORD_MAX_LENGTH} characters long`;
  const lower = password.toLowerCase();
  const normalisedEmail = email.trim().toLowerCase();
  if (lower === normalisedEmail || lower === normalisedEmail.split('@')[0]) return 'must not be your email address';
  if (new Set(lower).size < 5) return 'uses too few different characters';
  // "password123456", "!!dragon2024!!": a common word padded with digits and symbols.
  const core = lower.replace(/^[^a-z]+|[^a-z]+$/g, '');
  if (isCommon(lower) || (core.length >= 4 && isCommon(core))) return 'is too common: it appears in lists of leaked passwords';
  return undefined;
}

/** The policy's refusal as field errors for problem+json (`/password`). */
export function passwordErrors(password: string, email: string): FieldError[] {
  const reason = checkPassword(password, email);
  return reason ? [{ pointer: '/password', message: reason }] : [];
}
