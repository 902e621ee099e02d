import type { ReactNode } from 'react';
import { t } from '@/lib/i18n';
import type { Filter } from './DataTable';
import s from './admin.module.css';
import o from './filter-form.module.css';

/**
 * The filters of a list: a GET form to `action` with the current values ("Clear" drops them),
 * with the refusal of each next to its field (the API's `errors[].pointer` on the query, or a
 * value the page could not read): the field is marked invalid and described by its error.
 * `hidden` keeps values the form does not show (a tab). Filters marked `more` fold under "More
 * filters" on a phone, open while one of them is set; on a wide screen they sit in the row.
 */
export function FilterForm({
  action,
  filters,
  values,
  errors = {},
  hidden = {},
  label,
  hints = {},
  children,
}: {
  action: string;
  filters: Filter[];
  values: Record<string, string | undefined>;
  errors?: Record<string, string>;
  hidden?: Record<string, string | undefined>;
  label?: string;
  hints?: Record<string, string>;
  children?: ReactNode;
}) {
  const clear = new URLSearchParams(Object.entries(hidden).filter((e): e is [string, string] => Boolean(e[1]))).toString();
  const field = (f: Filter) => {
    const id = `filter-${f.name}`;
    const error = errors[f.name];
    const hint = hints[f.name];
    const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
    const common = { id, name: f.name, defaultValue: values[f.name] ?? '', className: `${s.control} ${error ? o.invalid : ''}`.trim(), 'aria-invalid': error ? true : undefined, 'aria-describedby': described };
    return (
      <div key={f.name} className={s.filter}>
        <label htmlFor={id}>{f.label}</label>
        {f.options ? (
          <select {...common}>
            {f.options.map((opt) => (
              <option key={opt.value} value={opt.value}>
                {opt.label}
              </option>
            ))}
          </select>
        ) : (
          <input {...common} type={f.type ?? 'text'} placeholder={f.placeholder} />
        )}
        {hint ? (
          <span id={`${id}-hint`} className={o.hint}>
            {hint}
          </span>
        ) : null}
        {error ? (
          <span id={`${id}-error`} className={o.error}>
            {error}
          </span>
        ) : null}
      </div>
    );
  };
  const main = filters.filter((f) => !f.more);
  const more = filters.filter((f) => f.more);
  // Open while one of the folded filters is set or refused, so that nothing in force is hidden.
  const moreSet = more.filter((f) => Boolean(values[f.name]) || Boolean(errors[f.name])).length;
  return (
    <form method="get" action={action} className={s.filters} role="search" aria-label={label ?? t('admin.table.filters')}>
      {Object.entries(hidden).map(([k, v]) => (v ? <input key={k} type="hidden" name={k} value={v} /> : null))}
      {main.map(field)}
      {more.length > 0 ? (
        <details className={o.more} open={moreSet > 0 || undefined}>
          <summary className={o.moreSummary}>{moreSet > 0 ? t('admin.table.moreSet', { count: moreSet }) : t('admin.table.more')}</summary>
          <div className={o.moreFields}>{more.map(field)}</div>
        </details>
      ) : null}
      {children}
      <div className={s.filterActions}>
        <button type="submit" className={s.smallButton}>
          {t('admin.table.apply')}
        </button>
        <a href={clear ? `${action}?${clear}` : action} className={s.smallLink}>
          {t('admin.table.clear')}
        </a>
      </div>
    </form>
  );
}
