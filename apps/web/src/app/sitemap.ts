import type { MetadataRoute } from 'next';
import { api } from '@/lib/api';
import { categories } from '@/lib/shop';
import { siteOrigin } from '@/lib/site';
import type { CategoryNode } from '@/lib/types';

export const dynamic = 'force-dynamic';

/** Home, every category and every published product (paged through the catalog, at most 10,000). */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const origin = await siteOrigin();
  const out: MetadataRoute.Sitemap = [{ url: `${origin}/`, changeFrequency: 'daily', priority: 1 }];
  const walk = (nodes: readonly CategoryNode[]) => {
    for (const c of nodes) {
      out.push({ url: `${origin}/c/${c.slug}`, changeFrequency: 'daily', priority: 0.8 });
      walk(c.children as CategoryNode[]);
    }
  };
  walk((await categories()).items);
  const client = await api({ anonymous: true });
  let cursor: string | undefined;
  for (let i = 0; i < 100; i++) {
    const r = await client.GET('/api/v1/products', { params: { query: { sort: 'newest', limit: 100, ...(cursor ? { cursor } : {}) } } });
    if (!r.data) break;
    for (const p of r.data.items) out.push({ url: `${origin}/p/${p.slug}`, lastModified: p.publishedAt ?? undefined, changeFrequency: 'weekly', priority: 0.6 });
    if (!r.data.nextCursor) break;
    cursor = r.data.nextCursor;
  }
  return out;
}
