'use client';

import { useActionState, useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useFormStatus } from 'react-dom';
import type { ProductFormState } from '@/actions/admin-catalog';
import type { ProductFormLabels } from '@/lib/admin-catalog';
import { Field, Notice } from '../ui';
import s from './admin.module.css';
import p from './product-form.module.css';

type Action = (prev: ProductFormState, form: FormData) => Promise<ProductFormState>;

export interface ProductFormValues {
  title: string;
  slug: string;
  description: string;
  categories: string[];
  seoTitle: string;
  seoDescription: string;
  options: Array<{ name: string; values: string }>;
}


export interface CategoryChoice {
  id: string;
  name: string;
  depth: number;
}

function Submit({ label, pending }: { label: string; pending: string }) {
  const st = useFormStatus();
  return (
    <button type="submit" className={s.smallButton} disabled={st.pending} aria-disabled={st.pending}>
      {st.pending ? pending : label}
    </button>
  );
}

/**
 * The product editor: title, slug, description, categories, SEO, options; on creation also the
 * variants (SKU, option values, a price per currency). The API's field errors show next to the
 * fields; a 412 on save shows what changed since the editor was opened, with "reload" (drop mine)
 * and "overwrite" (send mine over theirs, knowingly).
 */
export function ProductForm({
  action,
  mode,
  id,
  etag,
  base,
  initial,
  categories,
  currencies,
  labels: L,
}: {
  action: Action;
  mode: 'create' | 'edit';
  id?: string;
  etag?: string;
  base?: string;
  initial: ProductFormValues;
  categories: CategoryChoice[];
  currencies: string[];
  labels: ProductFormLabels;
}) {
  const [state, formAction] = useActionState(action, {} as ProductFormState);
  const form = useRef<HTMLFormElement>(null);
  // "Overwrite with mine" sends the ETag of the version it was shown, once: any later save is a normal one.
  const [overwrite, setOverwrite] = useState('');
  useEffect(() => setOverwrite(''), [state]);
  const [variantCount, setVariantCount] = useState(() => Math.max(2, Number(state.values?.variantCount ?? 0)));
  const v = (name: string, fallback: string) => state.values?.[name] ?? fallback;
  const err = (name: string) => state.fieldErrors?.[name];
  const chosen = new Set(state.values ? (state.values.categories ?? '').split('\n') : initial.categories);
  const optionRows = [0, 1, 2];
  return (
    <form ref={form} action={formAction} noValidate className={p.form}>
      <input type="hidden" name="overwrite" value={overwrite} />
      {state.conflict ? (
        <section className={p.conflict} aria-labelledby="conflict-title" role="alert">
          <h2 id="conflict-title">{L.conflictTitle}</h2>
          <p>{L.conflictBody}</p>
          <div className={s.tableWrap}>
            <table className={s.table}>
              <caption className="visually-hidden">{L.conflictTitle}</caption>
              <thead>
                <tr>
                  <th scope="col">{L.conflictField}</th>
                  <th scope="col">{L.conflictBefore}</th>
                  <th scope="col">{L.conflictNow}</th>
                  <th scope="col">{L.conflictYours}</th>
                </tr>
              </thead>
              <tbody>
                {state.conflict.rows.map((r) => (
                  <tr key={r.field}>
                    <th scope="row">{r.field}</th>
                    <td className={s.long}>{r.before}</td>
                    <td className={s.long}>
                      <mark className={p.mark}>{r.now}</mark>
                    </td>
                    <td className={s.long}>{r.yours}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className={s.actions}>
            <a href={`/admin/catalog/${id}`} className={`${s.smallButton} ${s.outline}`}>
              {L.conflictReload}
            </a>
            <button
              type="button"
              className={`${s.smallButton} ${s.danger}`}
              onClick={() => {
                const etag = state.conflict?.etag ?? '';
                flushSync(() => setOverwrite(etag));
                form.current?.requestSubmit();
              }}
            >
              {L.conflictOverwrite}
            </button>
          </div>
        </section>
      ) : state.error ? (
        <Notice kind="error">{state.error}</Notice>
      ) : null}
      {id ? <input type="hidden" name="id" value={id} /> : null}
      {etag ? <input type="hidden" name="etag" value={etag} /> : null}
      {base ? <input type="hidden" name="base" value={base} /> : null}
      <div className={s.panel}>
        <h2>{L.general}</h2>
        <Field name="title" label={L.title} required defaultValue={v('title', initial.title)} error={err('title')} />
        <Field name="slug" label={L.slug} hint={L.slugHint} defaultValue={v('slug', initial.slug)} error={err('slug')} />
        <div className={p.field}>
          <label htmlFor="f-description" className={p.label}>
            {L.description}
          </label>
          <textarea
            id="f-description"
            name="description"
            rows={5}
            className={p.textarea}
            defaultValue={v('description', initial.description)}
            aria-invalid={err('description') ? true : undefined}
            aria-describedby={err('description') ? 'f-description-error' : undefined}
          />
          {err('description') ? (
            <span id="f-description-error" className={p.error}>
              {err('description')}
            </span>
          ) : null}
        </div>
      </div>
      <fieldset className={s.panel}>
        <legend className={p.legend}>{L.categories}</legend>
        {err('categories') ? <p className={p.error}>{err('categories')}</p> : null}
        <div className={p.checks}>
          {categories.map((c) => (
            <label key={c.id} className={p.check} data-depth={Math.min(c.depth, 4)}>
              <input type="checkbox" name="categories" value={c.id} defaultChecked={chosen.has(c.id)} />
              {c.name}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className={s.panel}>
        <legend className={p.legend}>{L.options}</legend>
        <p className={s.muted}>{L.optionsHint}</p>
        {optionRows.map((i) => (
          <div className={p.pair} key={i}>
            <Field name={`options.${i}.name`} label={`${L.optionName} ${i + 1}`} defaultValue={v(`options.${i}.name`, initial.options[i]?.name ?? '')} error={err(`options.${i}.name`)} />
            <Field name={`options.${i}.values`} label={`${L.optionValues} ${i + 1}`} hint={L.optionValuesHint} defaultValue={v(`options.${i}.values`, initial.options[i]?.values ?? '')} error={err(`options.${i}.values`)} />
          </div>
        ))}
      </fieldset>
      {mode === 'create' ? (
        <fieldset className={s.panel}>
          <legend className={p.legend}>{L.variants}</legend>
          <p className={s.muted}>{L.variantsHint}</p>
          {currencies.map((c) => (
            <input key={c} type="hidden" name="currency" value={c} />
          ))}
          <input type="hidden" name="variantCount" value={variantCount} />
          {err('variants') ? <p className={p.error}>{err('variants')}</p> : null}
          {Array.from({ length: variantCount }, (_, i) => (
            <fieldset key={i} className={p.variant}>
              <legend>{`${L.variant} ${i + 1}`}</legend>
              <div className={p.variantGrid}>
                <Field name={`variants.${i}.sku`} label={L.sku} defaultValue={v(`variants.${i}.sku`, '')} error={err(`variants.${i}.sku`)} />
                <Field name={`variants.${i}.title`} label={L.variantTitle} defaultValue={v(`variants.${i}.title`, '')} error={err(`variants.${i}.title`)} />
                {optionRows.map((o) => (
                  <Field key={o} name={`variants.${i}.option.${o}`} label={`${L.optionValue} ${o + 1}`} defaultValue={v(`variants.${i}.option.${o}`, '')} error={err(`variants.${i}.option.${o}`)} />
                ))}
                {currencies.map((c) => (
                  <Field key={c} name={`variants.${i}.price.${c}`} label={`${L.price} (${c})`} inputMode="decimal" defaultValue={v(`variants.${i}.price.${c}`, '')} error={err(`variants.${i}.price.${c}`)} />
                ))}
              </div>
            </fieldset>
          ))}
          <button type="button" className={`${s.smallButton} ${s.outline}`} onClick={() => setVariantCount((n) => Math.min(100, n + 1))}>
            {L.addVariantRow}
          </button>
        </fieldset>
      ) : null}
      <fieldset className={s.panel}>
        <legend className={p.legend}>{L.seo}</legend>
        <Field name="seo.title" label={L.seoTitle} maxLength={200} defaultValue={v('seo.title', initial.seoTitle)} error={err('seo.title')} />
        <Field name="seo.description" label={L.seoDescription} maxLength={500} defaultValue={v('seo.description', initial.seoDescription)} error={err('seo.description')} />
      </fieldset>
      <div className={s.actions}>
        <Submit label={L.save} pending={L.saving} />
      </div>
    </form>
  );
}
