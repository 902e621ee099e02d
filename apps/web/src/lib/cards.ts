import { t } from './i18n';
import { formatMoney } from './money';
import type { ProductSummary } from './types';
import type { CardData } from '@/components/ProductCard';

/** A listed product as its card shows it: the price (or "from" a range) in the listing's currency. */
export function cardOf(p: ProductSummary): CardData {
  const min = p.price?.min;
  const max = p.price?.max;
  const price = min ? (max && max.amount !== min.amount ? t('product.from', { price: formatMoney(min) }) : formatMoney(min)) : null;
  const rating = p.rating ?? null;
  return {
    slug: p.slug,
    title: p.title,
    image: p.image ? { ...p.image, alt: p.image.alt || p.title } : null,
    price,
    rating,
    ratingLabel: rating && rating.count > 0 ? t('product.rating', { average: rating.average.toFixed(1), count: rating.count }) : null,
  };
}
