import type { Metadata } from 'next';
import { ReviewForm } from '@/components/ReviewForm';
import { VariantPicker, type PickerVariant } from '@/components/VariantPicker';
import { t } from '@/lib/i18n';
import { responsive } from '@/lib/images';
import { formatMoney, majorUnits } from '@/lib/money';
import { availability, chosenCurrency, productBySlug, reviewsOf } from '@/lib/shop';
import { nonce, siteOrigin } from '@/lib/site';
import type { Product } from '@/lib/types';
import s from '@/components/product.module.css';
import { pageNotFound } from '@/lib/runtime';

type Props = { params: Promise<{ slug: string }> };

async function find(slug: string): Promise<Product | undefined> {
  if (!/^[a-z0-9-]{1,200}$/.test(slug)) return undefined;
  const product = await productBySlug(slug);
  return product && product.status === 'published' ? product : undefined;
}

async function load(slug: string): Promise<Product> {
  return (await find(slug)) ?? pageNotFound();
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  // Never notFound() here: metadata is streamed, and one thrown after the page's first bytes left
  // answers an error shell instead of the not-found page. The page itself answers the 404.
  const p = await find((await params).slug);
  if (!p) return { robots: { index: false } };
  const title = p.seo?.title ?? p.title;
  const description = p.seo?.description ?? p.description?.slice(0, 160) ?? p.title;
  const image = p.images[0];
  return {
    title: { absolute: title },
    description,
    alternates: { canonical: `/p/${p.slug}` },
    openGraph: { title, description, url: `/p/${p.slug}`, type: 'website', ...(image ? { images: [{ url: image.url, alt: image.alt }] } : {}) },
  };
}

export default async function ProductPage({ params }: Props) {
  const product = await load((await params).slug);
  const currency = await chosenCurrency();
  const [stock, reviews, origin, scriptNonce] = await Promise.all([availability(product.variants.map((v) => v.sku)), reviewsOf(product.id), siteOrigin(), nonce()]);
  const variants: PickerVariant[] = product.variants.map((v) => {
    const price = v.prices.find((p) => p.currency === currency);
    return { sku: v.sku, options: v.options, price: price ? formatMoney(price) : null, available: stock.get(v.sku)?.available ?? null };
  });
  const priced = product.variants.flatMap((v) => v.prices.filter((p) => p.currency === currency).map((p) => ({ v, p })));
  const url = `${origin}/p/${product.slug}`;
  // schema.org Product: one Offer per variant sold in the chosen currency, with its availability.
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: product.title,
    description: product.description,
    sku: product.variants[0]?.sku,
    image: product.images.map((i) => `${origin}${i.url}`),
    url,
    ...(product.attributes.brand ? { brand: { '@type': 'Brand', name: product.attributes.brand } } : {}),
    ...(reviews && reviews.summary.count > 0 ? { aggregateRating: { '@type': 'AggregateRating', ratingValue: reviews.summary.average, reviewCount: reviews.summary.count } } : {}),
    offers: priced.map(({ v, p }) => ({
      '@type': 'Offer',
      sku: v.sku,
      price: majorUnits(p),
      priceCurrency: p.currency,
      availability: (stock.get(v.sku)?.available ?? 0) > 0 ? 'https://schema.org/InStock' : 'https://schema.org/OutOfStock',
      url,
    })),
  };
  const category = product.categories?.[0];
  return (
    <article className={s.product}>
      <script type="application/ld+json" nonce={scriptNonce} dangerouslySetInnerHTML={{ __html: JSON.stringify(jsonLd).replace(/</g, '\\u003c') }} />
      <section aria-label={t('product.images', { title: product.title })}>
        <ul className={s.gallery}>
          {product.images.map((img, i) => (
            <li key={img.url}>
              <img src={img.url} {...responsive(img, i === 0 ? '(min-width: 900px) 55vw, 80vw' : '(min-width: 900px) 27vw, 80vw')} alt={img.alt || product.title} width={600} height={600} loading={i === 0 ? 'eager' : 'lazy'} fetchPriority={i === 0 ? 'high' : undefined} decoding="async" />
            </li>
          ))}
        </ul>
      </section>
      <section>
        {category ? (
          <nav aria-label="Breadcrumb" className={s.crumbs}>
            <a href="/">{t('nav.home')}</a> / <a href={`/c/${category.slug}`}>{category.name}</a>
          </nav>
        ) : null}
        <h1>{product.title}</h1>
        {reviews && reviews.summary.count > 0 ? (
          <p>
            <span className={s.stars} aria-hidden="true">
              {'★'.repeat(Math.round(reviews.summary.average))}
            </span>{' '}
            <a href="#reviews">{t('product.rating', { average: reviews.summary.average.toFixed(1), count: reviews.summary.count })}</a>
          </p>
        ) : null}
        <VariantPicker
          options={product.options}
          variants={variants}
          text={{
            addToCart: t('product.addToCart'),
            quantity: t('product.quantity'),
            inStock: t('product.inStock'),
            onlyLeft: t('product.onlyLeft'),
            outOfStock: t('product.outOfStock'),
            noPrice: t('product.noPrice', { currency }),
            unavailableCombo: t('product.unavailableCombo'),
            notify: t('product.notify'),
            notifySignIn: t('product.notifySignIn'),
            signIn: t('nav.signIn'),
          }}
        />
        <div className={s.details}>
          <h2>{t('product.details')}</h2>
          <p>{product.description}</p>
          {Object.keys(product.attributes).length > 0 ? (
            <dl>
              {Object.entries(product.attributes).map(([k, v]) => (
                <div key={k} className={s.attr}>
                  <dt>{k}</dt>
                  <dd>{v}</dd>
                </div>
              ))}
            </dl>
          ) : null}
        </div>
      </section>
      {reviews ? (
        <section id="reviews" className={s.reviews} aria-labelledby="reviews-title">
          <h2 id="reviews-title">{t('product.reviews')}</h2>
          {reviews.reviews.length === 0 ? <p>{t('product.noReviews')}</p> : null}
          {reviews.reviews.map((r) => (
            <div key={r.id} className={s.review}>
              <p>
                <span className={s.stars} role="img" aria-label={`${r.rating} / 5`}>
                  {'★'.repeat(r.rating)}
                </span>{' '}
                <strong>{r.title}</strong>
              </p>
              <p>{r.body}</p>
              <p className={s.crumbs}>
                {[r.authorName, r.verifiedPurchase ? t('product.verified') : null, r.helpfulCount ? t('product.helpful', { count: r.helpfulCount }) : null].filter(Boolean).join(' · ')}
              </p>
            </div>
          ))}
          <ReviewForm productId={product.id} slug={product.slug} />
        </section>
      ) : null}
    </article>
  );
}
