import { responsive, type CatalogImage } from '@/lib/images';
import s from './products.module.css';

/** What a product card shows, formatted on the server (so the card renders anywhere). */
export interface CardData {
  slug: string;
  title: string;
  image: CatalogImage | null;
  price: string | null;
  rating: { average: number; count: number } | null;
  ratingLabel: string | null;
}

export function ProductCard({ p, eager, first }: { p: CardData; eager?: boolean; first?: boolean }) {
  return (
    <li className={s.card}>
      <a href={`/p/${p.slug}`} className={s.link}>
        <div className={s.media}>
          {p.image ? <img src={p.image.url} {...responsive(p.image, '(min-width: 1024px) 25vw, (min-width: 700px) 33vw, 50vw')} alt={p.image.alt} width={400} height={400} loading={eager ? 'eager' : 'lazy'} fetchPriority={first ? 'high' : undefined} decoding="async" /> : null}
        </div>
        <h3 className={s.title}>{p.title}</h3>
      </a>
      <p className={s.price}>{p.price}</p>
      {p.rating && p.rating.count > 0 && p.ratingLabel ? (
        <p className={s.rating} role="img" aria-label={p.ratingLabel}>
          <span aria-hidden="true">{'★'.repeat(Math.round(p.rating.average))}</span> <span aria-hidden="true">({p.rating.count})</span>
        </p>
      ) : null}
    </li>
  );
}

export function ProductGrid({ items, eager = 0 }: { items: CardData[]; eager?: number }) {
  return (
    <ul className={s.grid}>
      {items.map((p, i) => (
        <ProductCard key={p.slug} p={p} eager={i < eager} first={eager > 0 && i === 0} />
      ))}
    </ul>
  );
}
