import type { ModerationRule } from '../moderation/moderate.js';
import type { ReviewStatus } from './review-states.js';

/** One review as the service holds it. */
export interface Review {
  id: string;
  productId: string;
  userId: string | null;
  /** The author's display name at read time (from the authors projection or the seed). */
  authorName: string | null;
  rating: number;
  title: string;
  body: string;
  pros: string | null;
  cons: string | null;
  status: ReviewStatus;
  moderationRule: ModerationRule | null;
  moderationReason: string | null;
  verifiedPurchase: boolean;
  helpfulCount: number;
  reportCount: number;
  reply: { body: string; by: string; at: Date } | null;
  createdAt: Date;
  updatedAt: Date;
  publishedAt: Date | null;
  /** published_at in microseconds since the epoch: the exact cursor key. */
  publishedUs: number | null;
}

/** "Ann Example" → "Ann E.": enough to be a person, not enough to find them. */
export function displayName(name: string | null): string {
  if (!name) return 'A former customer';
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return 'A customer';
  if (words.length === 1) return words[0]!;
  return `${words[0]} ${[...words[words.length - 1]!][0]!.toUpperCase()}.`;
}
