'use client';

import { useState, useTransition } from 'react';
import { moreProducts } from '@/actions/products';
import type { ListingParams } from '@/lib/listing';
import { ProductCard, type CardData } from './ProductCard';
import s from './products.module.css';
import ui from './ui.module.css';

/** "Load more": the next page of the listing appended below, by its cursor. */
export function LoadMore({ params, cursor, label, loading }: { params: ListingParams; cursor: string; label: string; loading: string }) {
  const [pages, setPages] = useState<CardData[]>([]);
  const [next, setNext] = useState<string | null>(cursor);
  const [pending, start] = useTransition();
  return (
    <>
      {pages.length > 0 ? (
        <ul className={s.grid} aria-live="polite">
          {pages.map((p) => (
            <ProductCard key={p.slug} p={p} />
          ))}
        </ul>
      ) : null}
      {next ? (
        <p className={s.more}>
          <button
            type="button"
            className={`${ui.button} ${ui.secondary}`}
            disabled={pending}
            onClick={() =>
              start(async () => {
                const page = await moreProducts(params, next);
                setPages((prev) => [...prev, ...page.items]);
                setNext(page.nextCursor);
              })
            }
          >
            {pending ? loading : label}
          </button>
        </p>
      ) : null}
    </>
  );
}
