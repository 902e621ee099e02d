import { cardOf } from '@/lib/cards';
import { t } from '@/lib/i18n';
import { listingHref, type ListingParams } from '@/lib/listing';
import { formatMoney } from '@/lib/money';
import { SORTS, type ProductList } from '@/lib/types';
import { AutoSubmitSelect } from './AutoSubmitSelect';
import { LoadMore } from './LoadMore';
import { ProductGrid } from './ProductCard';
import { ui } from './ui';
import s from './listing.module.css';

/** A page of products with the facets the API returned, the five sorts and "load more". */
export function Listing({ path, params, page, heading, intro }: { path: string; params: ListingParams; page: ProductList; heading: string; intro?: string }) {
  const f = page.facets ?? { categories: [], priceBands: [], options: [], currency: 'USD' };
  const currency = f.currency;
  const filtered = params.minPrice !== undefined || params.maxPrice !== undefined || (!path.startsWith('/c/') && params.category);
  return (
    <div className={s.layout}>
      <div className={s.head}>
        <h1>{heading}</h1>
        {intro ? <p className={s.intro}>{intro}</p> : null}
        <p className={s.jump}>
          <a href="#facets-title">{t('facets.title')}</a>
        </p>
      </div>
      <aside className={s.facets} aria-labelledby="facets-title">
        <h2 id="facets-title" className={s.facetsTitle}>
          {t('facets.title')}
        </h2>
        {f.categories.length > 0 ? (
          <section className={s.facet}>
            <h3>{t('facets.categories')}</h3>
            <ul>
              {f.categories.slice(0, 12).map((c) => (
                <li key={c.id}>
                  <a href={path.startsWith('/c/') ? listingHref(`/c/${c.slug}`, { ...params, category: undefined }, {}) : listingHref(path, params, { category: c.slug })} aria-current={params.category === c.slug ? 'true' : undefined}>
                    {c.name} <span className={s.count}>({c.count})</span>
                  </a>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {f.priceBands.length > 0 ? (
          <section className={s.facet}>
            <h3>{t('facets.price')}</h3>
            <ul>
              {f.priceBands.map((b) => {
                const label = b.max !== null && b.max !== undefined ? t('facets.priceBand', { min: formatMoney({ amount: b.min, currency }), max: formatMoney({ amount: b.max, currency }) }) : t('facets.priceFrom', { min: formatMoney({ amount: b.min, currency }) });
                const on = params.minPrice === b.min && params.maxPrice === (b.max ?? undefined);
                return (
                  <li key={b.min}>
                    <a href={listingHref(path, params, { minPrice: b.min, maxPrice: b.max ?? undefined })} aria-current={on ? 'true' : undefined}>
                      {label} <span className={s.count}>({b.count})</span>
                    </a>
                  </li>
                );
              })}
            </ul>
          </section>
        ) : null}
        {f.options.slice(0, 4).map((o) => (
          <section className={s.facet} key={o.name}>
            <h3>{o.name}</h3>
            <ul className={s.chips}>
              {o.values.slice(0, 12).map((v) => (
                <li key={v.value}>
                  <a href={listingHref(path, params, { q: [params.q, v.value].filter(Boolean).join(' ') })}>
                    {v.value} <span className={s.count}>({v.count})</span>
                  </a>
                </li>
              ))}
            </ul>
          </section>
        ))}
        {filtered ? (
          <p>
            <a href={listingHref(path, { q: params.q, sort: params.sort }, {})}>{t('facets.clear')}</a>
          </p>
        ) : null}
      </aside>
      <div className={s.results}>
        <form action={path} className={s.sort}>
          {Object.entries(params)
            .filter(([k, v]) => k !== 'sort' && v !== undefined && !(path.startsWith('/c/') && k === 'category'))
            .map(([k, v]) => (
              <input key={k} type="hidden" name={k} value={String(v)} />
            ))}
          <label htmlFor="sort">{t('sort.label')}</label>
          <AutoSubmitSelect
            id="sort"
            name="sort"
            defaultValue={params.sort ?? (params.q ? 'relevance' : 'newest')}
            options={SORTS.filter((x) => params.q || x !== 'relevance')}
            labels={Object.fromEntries(SORTS.map((x) => [x, t(`sort.${x}`)]))}
            applyLabel={t('currency.apply')}
            className={ui.select}
          />
        </form>
        <ProductGrid items={page.items.map(cardOf)} eager={4} />
        {page.nextCursor ? <LoadMore params={params} cursor={page.nextCursor} label={t('list.loadMore')} loading={t('list.loading')} /> : null}
      </div>
    </div>
  );
}
