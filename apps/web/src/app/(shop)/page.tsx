import type { Metadata } from 'next';
import { ProductGrid } from '@/components/ProductCard';
import { LinkButton } from '@/components/ui';
import { api, must } from '@/lib/api';
import { cardOf } from '@/lib/cards';
import { t } from '@/lib/i18n';
import { categories, chosenCurrency } from '@/lib/shop';
import s from './home.module.css';

export const metadata: Metadata = {
  title: { absolute: t('home.title') },
  description: t('shop.description'),
  alternates: { canonical: '/' },
  openGraph: { title: t('home.title'), description: t('shop.description'), url: '/' },
};

export default async function HomePage() {
  const currency = await chosenCurrency();
  const client = await api({ anonymous: true });
  const [tree, fresh, rated] = await Promise.all([
    categories(),
    client.GET('/api/v1/products', { params: { query: { sort: 'newest', limit: 8, currency } } }).then((r) => must(r, 'the catalog')),
    client.GET('/api/v1/products', { params: { query: { sort: 'rating', limit: 4, currency } } }).then((r) => must(r, 'the catalog')),
  ]);
  return (
    <div className={s.home}>
      <section className={s.hero} aria-labelledby="hero-title">
        <h1 id="hero-title">{t('home.hero.title')}</h1>
        <p>{t('home.hero.body')}</p>
        <LinkButton href="/search?sort=newest">{t('home.hero.cta')}</LinkButton>
      </section>
      <section aria-labelledby="cats">
        <h2 id="cats">{t('home.categories')}</h2>
        <ul className={s.cats}>
          {tree.items.map((c) => (
            <li key={c.id}>
              <a href={`/c/${c.slug}`} className={s.cat}>
                <span className={s.catName}>{c.name}</span>
                <span className={s.catCount}>{t('category.products', { count: c.productCount })}</span>
              </a>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="new">
        <h2 id="new">{t('home.newArrivals')}</h2>
        <ProductGrid items={fresh.items.map(cardOf)} eager={4} />
      </section>
      <section aria-labelledby="rated">
        <h2 id="rated">{t('home.bestRated')}</h2>
        <ProductGrid items={rated.items.map(cardOf)} />
      </section>
    </div>
  );
}
