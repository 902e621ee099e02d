'use client';

import { useEffect, useId, useRef, useState } from 'react';
import s from './search.module.css';

interface Suggestion {
  slug: string;
  title: string;
}

/**
 * The search field, with suggestions as you type (the catalog's typo-tolerant search), as an
 * ARIA combobox: arrows move through the list, Enter opens a suggestion, Escape closes it.
 */
export function SearchBox({ label, placeholder, submit, suggestionsLabel, currency, initial = '' }: { label: string; placeholder: string; submit: string; suggestionsLabel: string; currency: string; initial?: string }) {
  const [q, setQ] = useState(initial);
  const [items, setItems] = useState<Suggestion[]>([]);
  const [active, setActive] = useState(-1);
  const [open, setOpen] = useState(false);
  const id = useId();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    clearTimeout(timer.current);
    const term = q.trim();
    if (term.length < 2) {
      setItems([]);
      return;
    }
    const ctrl = new AbortController();
    timer.current = setTimeout(() => {
      fetch(`/api/v1/products?q=${encodeURIComponent(term)}&limit=6&currency=${currency}`, { signal: ctrl.signal })
        .then((r) => (r.ok ? r.json() : { items: [] }))
        .then((body: { items: Suggestion[] }) => {
          setItems(body.items.map((i) => ({ slug: i.slug, title: i.title })));
          setActive(-1);
          setOpen(true);
        })
        .catch(() => undefined);
    }, 150);
    return () => ctrl.abort();
  }, [q, currency]);

  const listId = `${id}-list`;
  const shown = open && items.length > 0;
  return (
    <form action="/search" role="search" className={s.form}>
      <label htmlFor={`${id}-q`} className="visually-hidden">
        {label}
      </label>
      <input
        id={`${id}-q`}
        className={s.input}
        type="search"
        name="q"
        value={q}
        placeholder={placeholder}
        autoComplete="off"
        role="combobox"
        aria-expanded={shown}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={shown && active >= 0 ? `${listId}-${active}` : undefined}
        onChange={(e) => setQ(e.target.value)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onFocus={() => setOpen(true)}
        onKeyDown={(e) => {
          if (!shown) return;
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setActive((a) => (a + 1) % items.length);
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => (a <= 0 ? items.length - 1 : a - 1));
          } else if (e.key === 'Escape') setOpen(false);
          else if (e.key === 'Enter' && active >= 0) {
            e.preventDefault();
            window.location.assign(`/p/${items[active]!.slug}`);
          }
        }}
      />
      <button type="submit" className={s.submit}>
        {submit}
      </button>
      <ul id={listId} role="listbox" aria-label={suggestionsLabel} className={s.list} hidden={!shown}>
        {items.map((item, i) => (
          <li key={item.slug} id={`${listId}-${i}`} role="option" aria-selected={i === active} className={i === active ? s.active : undefined}>
            <a href={`/p/${item.slug}`} tabIndex={-1}>
              {item.title}
            </a>
          </li>
        ))}
      </ul>
    </form>
  );
}
