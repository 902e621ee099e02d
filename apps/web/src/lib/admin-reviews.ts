import type { paths } from '@mercato/client';
import { adminApi } from './admin';
import { loaded, type Loaded } from './admin-lists';
import type { GetOk } from './types';

// The moderation queue: reviews by status (held ones first), oldest first, with why each is held.

type QueueQuery = NonNullable<paths['/api/v1/reviews/moderation']['get']['parameters']['query']>;
export type ReviewStatus = NonNullable<QueueQuery['status']>;
export const REVIEW_STATUSES: readonly ReviewStatus[] = ['pending', 'published', 'rejected', 'hidden'] as ReviewStatus[];
export type ReviewQueue = GetOk<'/api/v1/reviews/moderation'>;
export type ModeratedReview = ReviewQueue['items'][number];

export interface QueueFilters {
  status: ReviewStatus;
  productId?: string;
  cursor?: string;
}

export function queueFiltersOf(params: Record<string, string | string[] | undefined>): QueueFilters {
  const one = (k: string) => {
    const v = params[k];
    return (Array.isArray(v) ? v[0] : v)?.trim();
  };
  const status = (REVIEW_STATUSES as readonly string[]).includes(one('status') ?? '') ? (one('status') as ReviewStatus) : 'pending';
  const cursor = one('cursor');
  // The product as typed: the API says what is wrong with it, next to the field.
  const productId = one('productId')?.slice(0, 60);
  return { status, ...(productId ? { productId } : {}), ...(cursor && /^[A-Za-z0-9_]{1,60}$/.test(cursor) ? { cursor } : {}) };
}

export function reviewsHref(f: QueueFilters, change: Partial<QueueFilters> = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...f, ...change })) if (v) q.set(k, v);
  return `/admin/reviews?${q.toString()}`;
}

export async function loadQueue(f: QueueFilters): Promise<Loaded<ReviewQueue>> {
  const client = await adminApi();
  return loaded(await client.GET('/api/v1/reviews/moderation', { params: { query: { status: f.status, limit: 20, ...(f.productId ? { productId: f.productId } : {}), ...(f.cursor ? { cursor: f.cursor } : {}) } } }));
}
