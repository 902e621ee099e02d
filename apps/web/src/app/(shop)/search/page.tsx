import type { Metadata } from 'next';
import { Listing } from '@/components/Listing';
import { ProductGrid } from '@/components/ProductCard';
import { api, must } from '@/lib/api';
import { cardOf } from '@/lib/cards';
import { t } from '@/lib/i18n';
import { listingParams, listingQuery } from '@/lib/listing';
import { categories, chosenCurrency } from '@/lib/shop';
import s from '@/components/listing.module.css';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const p = listingParams(await searchParams);
  const title = p.q ? t('search.titleFor', { q: p.q }) : t('search.title');
  // Result pages are not indexed; the canonical is the search page itself.
  return { title, description: t('search.description'), alternates: { canonical: '/search' }, robots: { index: false, follow: true }, openGraph: { title, url: '/search' } };
}

export default async function SearchPage({ searchParams }: Props) {
  const p = listingParams(await searchParams);
  const currency = await chosenCurrency();
  const client = await api({ anonymous: true });
  const page = must(await client.GET('/api/v1/products', { params: { query: listingQuery(p, currency) } }), 'the catalog');
  const heading = p.q ? t('search.titleFor', { q: p.q }) : t('search.title');
  if (page.items.length > 0) return <Listing path="/search" params={p} page={page} heading={heading} />;
  const [tree, popular] = await Promise.all([
    categories(),
    client.GET('/api/v1/products', { params: { query: { sort: 'rating', limit: 4, currency } } }).then((r) => must(r, 'the catalog')),
  ]);
  return (
    <div className={s.empty}>
      <h1>{p.q ? t('search.empty.title', { q: p.q }) : t('search.title')}</h1>
      <p>{t('search.empty.body')}</p>
      <h2>{t('search.empty.categories')}</h2>
      <ul className={s.chips}>
        {tree.items.map((c) => (
          <li key={c.id}>
            <a href={`/c/${c.slug}`}>{c.name}</a>
          </li>
        ))}
      </ul>
      <h2>{t('home.bestRated')}</h2>
      <ProductGrid items={popular.items.map(cardOf)} />
    </div>
  );
}
