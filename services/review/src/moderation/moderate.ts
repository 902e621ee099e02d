import { createHash } from 'node:crypto';
import { lazyModule } from '@mercato/chassis';
import type * as Obscenity from 'obscenity';
import type { RegExpMatcher } from 'obscenity';

/** The rules that can hold a review for a moderator, in the order they are checked. */
export const MODERATION_RULES = ['profanity', 'link', 'repeated_characters', 'all_caps', 'copied_body'] as const;
export type ModerationRule = (typeof MODERATION_RULES)[number] | 'reported';

export interface ReviewText {
  title: string;
  body: string;
  pros?: string | null;
  cons?: string | null;
}

export type Verdict = { status: 'published' } | { status: 'pending'; rule: ModerationRule; detail: string };

// obscenity's English list with its recommended transformers: leetspeak, repeated letters,
// spacing and confusable characters are normalised before matching, and its whitelist keeps
// words like "Scunthorpe" or "assassin" clean.
// Built on the first review checked, not at every start of the review service.
const profanity = lazyModule(
  import.meta.url,
  'obscenity',
  ({ englishDataset, englishRecommendedTransformers, RegExpMatcher: Matcher }: typeof Obscenity): RegExpMatcher =>
    new Matcher({ ...englishDataset.build(), ...englishRecommendedTransformers }),
);

// A scheme, a www. host, or a bare domain with a common top-level domain: shoppers' reviews
// carry no links, spam does.
const LINK = /\b(?:https?:\/\/|www\.)\S|\b[a-z0-9][a-z0-9-]{0,62}\.(?:com|net|org|info|biz|io|co|ru|cn|xyz|top|shop|online|site|link|click|ly|me|tk|gg)\b(?:\/|\s|$|[.,!?)])/i;
// The same character seven times or more in a row ("!!!!!!!", "sooooooo"); digits are left alone
// (sizes, model numbers).
const REPEATED = /(\p{L}|\p{P}|\p{S})\1{6,}/u;

function texts(t: ReviewText): string[] {
  return [t.title, t.body, t.pros ?? '', t.cons ?? ''];
}

/** True when most of a long enough text is in capitals ("THIS IS THE WORST PRODUCT EVER"). */
export function shouting(text: string): boolean {
  const letters = [...text].filter((c) => /\p{L}/u.test(c) && c.toLowerCase() !== c.toUpperCase());
  if (letters.length < 20) return false;
  const upper = letters.filter((c) => c === c.toUpperCase()).length;
  return upper / letters.length >= 0.8;
}

/**
 * The body's digest for spotting copies: case, punctuation and spacing do not count, so a body
 * pasted with small changes of form still matches.
 */
export function bodyDigest(body: string): string {
  const normal = body.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return createHash('sha256').update(normal).digest('base64url');
}

/** Bodies shorter than this are too generic ("Great product, love it") to call copies. */
export const COPY_MIN_LENGTH = 60;

/**
 * Checks a review against every rule; the first that matches holds it. `copied` says whether
 * another author's review has the same body digest (the store answers that).
 */
export function moderate(t: ReviewText, copied: boolean): Verdict {
  const all = texts(t);
  if (all.some((s) => s && profanity().hasMatch(s))) return { status: 'pending', rule: 'profanity', detail: 'The text contains words on the profanity list' };
  if (all.some((s) => LINK.test(s))) return { status: 'pending', rule: 'link', detail: 'The text contains a link' };
  if (all.some((s) => REPEATED.test(s))) return { status: 'pending', rule: 'repeated_characters', detail: 'The text repeats one character many times' };
  if (shouting(`${t.title} ${t.body}`)) return { status: 'pending', rule: 'all_caps', detail: 'The text is written in capitals' };
  if (copied) return { status: 'pending', rule: 'copied_body', detail: 'The body is the same as another review' };
  return { status: 'published' };
}
