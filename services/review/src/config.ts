import { loadConfig } from '@mercato/chassis';
import { Type } from '@sinclair/typebox';

/** The review service's own variables (the chassis reads the common ones). */
export const reviewConfigSchema = Type.Object(
  {
    REVIEW_DEMO_DATA: Type.Boolean({ default: false, description: "seed the demo shop's reviews as the demo products are created: true or false" }),
    REVIEW_SUMMARY_CACHE_MS: Type.Integer({
      minimum: 0,
      maximum: 3_600_000,
      default: 60_000,
      description: 'the longest a replica serves a rating summary from memory, in ms (changes drop it at once; 0 turns the cache off)',
    }),
    REVIEW_CACHE_PREFIX: Type.String({
      pattern: '^[A-Za-z0-9:_.-]{1,100}$',
      default: 'mercato:review:',
      description: "the prefix of the review service's Redis keys: <prefix>gen moves on at every summary change and purges the gateways' edge caches (with REDIS_URL)",
    }),
  },
  { additionalProperties: true },
);

export interface ReviewConfig {
  demoData: boolean;
  summaryCacheMs: number;
  cachePrefix: string;
}

export function loadReviewConfig(env: NodeJS.ProcessEnv): ReviewConfig {
  const c = loadConfig(reviewConfigSchema, env);
  return { demoData: c.REVIEW_DEMO_DATA, summaryCacheMs: c.REVIEW_SUMMARY_CACHE_MS, cachePrefix: c.REVIEW_CACHE_PREFIX };
}
