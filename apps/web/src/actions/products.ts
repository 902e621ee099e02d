'use server';

import { api, must } from '@/lib/api';
import { cardOf } from '@/lib/cards';
import { chosenCurrency } from '@/lib/shop';
import type { CardData } from '@/components/ProductCard';
import { listingQuery, type ListingParams } from '@/lib/listing';

/** The next page of a listing ("load more"), as cards. */
export async function moreProducts(params: ListingParams, cursor: string): Promise<{ items: CardData[]; nextCursor: string | null }> {
  const client = await api({ anonymous: true });
  const query = { ...listingQuery(params, await chosenCurrency()), cursor: String(cursor).slice(0, 500) };
  const page = must(await client.GET('/api/v1/products', { params: { query } }), 'the catalog');
  return { items: page.items.map(cardOf), nextCursor: page.nextCursor ?? null };
}
