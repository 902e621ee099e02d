import { InvalidData } from '@mercato/chassis';

export const REVIEW_SORTS = ['newest', 'helpful', 'rating'] as const;
export type ReviewSort = (typeof REVIEW_SORTS)[number];

/** The position after the last review of a page: the sort's keys (integers) and the id. */
export interface Cursor {
  sort: ReviewSort;
  keys: number[];
  id: string;
}

const KEYS: Record<ReviewSort, number> = { newest: 1, helpful: 2, rating: 2 };
const ID = /^[a-z]{2,8}_[0-9A-HJKMNP-TV-Z]{26}$/;

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.sort, ...c.keys, c.id])).toString('base64url');
}

/**
 * Reads a cursor made by encodeCursor for the same sort; anything else (another sort, a forged or
 * mangled value) is a 400, never a value that reaches SQL unchecked.
 */
export function decodeCursor(raw: string, sort: ReviewSort): Cursor {
  const bad = () => new InvalidData('The cursor is not one this list gave out for this sort', [{ pointer: '/cursor', message: 'invalid cursor' }]);
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw bad();
  }
  if (!Array.isArray(parsed) || parsed.length !== KEYS[sort] + 2 || parsed[0] !== sort) throw bad();
  const keys = parsed.slice(1, -1);
  const id = parsed[parsed.length - 1];
  if (!keys.every((k) => Number.isSafeInteger(k) && k >= 0) || typeof id !== 'string' || !ID.test(id)) throw bad();
  return { sort, keys: keys as number[], id };
}
