import type { ReactNode } from 'react';
import { t } from '@/lib/i18n';
import s from './admin.module.css';

// Lists of the back office: a real table (caption, column headers) that fits a phone (and scrolls
// sideways where it cannot), a GET form of filters above it, and cursor paging below it. Server
// components: the filters and the cursor are in the URL, so a list can be bookmarked and works
// without JavaScript.

export interface Column<T> {
  header: string;
  cell: (row: T) => ReactNode;
  /** Numbers and money line up on the right. */
  numeric?: boolean;
  /** Hidden from view (still read by screen readers) on narrow screens. */
  wideOnly?: boolean;
  /** Long unbroken text (an id, an email) that may break anywhere on a narrow screen rather than widen the table. */
  long?: boolean;
}

const cellClass = <T,>(c: Column<T>): string | undefined => [c.numeric ? s.num : '', c.wideOnly ? s.wideOnly : '', c.long ? s.long : ''].filter(Boolean).join(' ') || undefined;

export function DataTable<T>({ caption, columns, rows, rowKey, empty }: { caption: string; columns: Column<T>[]; rows: readonly T[]; rowKey: (row: T) => string; empty?: ReactNode }) {
  if (rows.length === 0) return <p className={s.empty}>{empty ?? t('admin.table.empty')}</p>;
  return (
    <div className={s.tableWrap} role="region" aria-label={caption} tabIndex={0}>
      <table className={s.table}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.header} scope="col" className={cellClass(c)}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((c) => (
                <td key={c.header} className={cellClass(c)}>
                  {c.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export interface Filter {
  name: string;
  label: string;
  type?: 'text' | 'search' | 'date' | 'number' | 'email';
  /** A select instead of an input (the first option is usually "any", value ''). */
  options?: ReadonlyArray<{ value: string; label: string }>;
  placeholder?: string;
  /** One of the less used filters: on a phone they fold under "More filters" (open while one is set). */
  more?: boolean;
}

/** `path?query` from a page's current filters and a cursor (empty values left out). */
export function listHref(path: string, values: Record<string, string | undefined>, cursor?: string): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) if (v && k !== 'cursor') q.set(k, v);
  if (cursor) q.set('cursor', cursor);
  const qs = q.toString();
  return qs ? `${path}?${qs}` : path;
}

/** Cursor paging: "Next page" while the API answers a nextCursor, "First page" once past it. */
export function Pager({ path, values, cursor, nextCursor }: { path: string; values: Record<string, string | undefined>; cursor?: string | undefined; nextCursor?: string | null | undefined }) {
  if (!cursor && !nextCursor) return null;
  return (
    <nav className={s.pager} aria-label={t('admin.table.paging')}>
      {cursor ? (
        <a href={listHref(path, values)} className={s.smallLink}>
          {t('admin.table.first')}
        </a>
      ) : null}
      {nextCursor ? (
        <a href={listHref(path, values, nextCursor)} className={s.smallButton} rel="next">
          {t('admin.table.next')}
        </a>
      ) : null}
    </nav>
  );
}
