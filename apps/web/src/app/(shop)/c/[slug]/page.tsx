import type { Metadata } from 'next';
import { Listing } from '@/components/Listing';
import { api, must } from '@/lib/api';
import { t } from '@/lib/i18n';
import { listingParams, listingQuery } from '@/lib/listing';
import { categories, chosenCurrency, findCategory } from '@/lib/shop';
import { pageNotFound } from '@/lib/runtime';

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

async function categoryOf(slug: string) {
  const hit = findCategory((await categories()).items, slug);
  if (!hit) pageNotFound();
  return hit.node;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  // Never notFound() here (metadata is streamed; see the product page): the page answers the 404.
  const c = findCategory((await categories()).items, slug)?.node;
  if (!c) return { robots: { index: false } };
  const description = t('category.description', { name: c.name, count: c.productCount });
  return { title: c.name, description, alternates: { canonical: `/c/${c.slug}` }, openGraph: { title: c.name, description, url: `/c/${c.slug}` } };
}

export default async function CategoryPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const c = await categoryOf(slug);
  const p = listingParams(await searchParams, c.slug);
  const client = await api({ anonymous: true });
  const page = must(await client.GET('/api/v1/products', { params: { query: listingQuery(p, await chosenCurrency()) } }), 'the catalog');
  return <Listing path={`/c/${c.slug}`} params={p} page={page} heading={c.name} intro={t('category.products', { count: c.productCount })} />;
}
