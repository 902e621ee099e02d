'use client';

import { useActionState, useMemo, useState } from 'react';
import { useFormStatus } from 'react-dom';
import { addToCart } from '@/actions/cart';
import { notifyWhenBack } from '@/actions/engagement';
import type { FormState } from '@/lib/form';
import s from './product.module.css';
import ui from './ui.module.css';

export interface PickerVariant {
  sku: string;
  options: Record<string, string>;
  /** The price in the chosen currency, formatted; null when the variant is not sold in it. */
  price: string | null;
  /** Units that can be bought now (null when unknown). */
  available: number | null;
}

export interface PickerText {
  addToCart: string;
  quantity: string;
  inStock: string;
  onlyLeft: string;
  outOfStock: string;
  noPrice: string;
  unavailableCombo: string;
  /** The back-in-stock button shown for a sold-out variant. */
  notify: string;
  /** The refusal a signed-out shopper gets for it, and the link that follows it. */
  notifySignIn: string;
  signIn: string;
}

function AddButton({ label, disabled }: { label: string; disabled: boolean }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className={`${ui.button} ${ui.wide}`} disabled={disabled || pending} aria-disabled={disabled || pending}>
      {label}
    </button>
  );
}

/**
 * Option pickers that only offer combinations that exist: a value that no variant has together
 * with the other chosen values is shown but disabled. The price, the availability and the
 * button follow the chosen variant.
 */
export function VariantPicker({ options, variants, text }: { options: Array<{ name: string; values: string[] }>; variants: PickerVariant[]; text: PickerText }) {
  const initial = variants.find((v) => v.price && (v.available ?? 1) > 0) ?? variants[0];
  const [chosen, setChosen] = useState<Record<string, string>>(initial?.options ?? {});
  const [state, action] = useActionState(addToCart, {} as FormState);
  const [wish, wishAction] = useActionState(notifyWhenBack, {} as FormState);
  const variant = useMemo(() => variants.find((v) => options.every((o) => v.options[o.name] === chosen[o.name])), [variants, options, chosen]);
  const exists = (name: string, value: string) => variants.some((v) => v.options[name] === value && options.every((o) => o.name === name || v.options[o.name] === chosen[o.name]));

  const pick = (name: string, value: string) => {
    const next = { ...chosen, [name]: value };
    // Keep the other choices when they still make a variant; otherwise take the nearest one that does.
    if (!variants.some((v) => options.every((o) => v.options[o.name] === next[o.name]))) {
      const match = variants.find((v) => v.options[name] === value);
      if (match) return setChosen({ ...match.options });
    }
    setChosen(next);
  };

  const available = variant?.available ?? null;
  const sellable = Boolean(variant && variant.price && (available === null || available > 0));
  const stock = !variant
    ? text.unavailableCombo
    : !variant.price
      ? text.noPrice
      : available === null
        ? null
        : available <= 0
          ? text.outOfStock
          : available <= 5
            ? text.onlyLeft.replace('{count}', String(available))
            : text.inStock;

  return (
    <form action={action} className={s.picker}>
      <p className={s.price} aria-live="polite">
        {variant?.price ?? '—'}
      </p>
      {options.map((o) => (
        <fieldset key={o.name} className={s.option}>
          <legend>{o.name}</legend>
          <div className={s.values}>
            {o.values.map((value) => {
              const ok = exists(o.name, value);
              const id = `opt-${o.name}-${value}`.replace(/[^A-Za-z0-9_-]/g, '-');
              return (
                <span key={value}>
                  <input type="radio" id={id} name={`option-${o.name}`} value={value} checked={chosen[o.name] === value} disabled={!ok} onChange={() => pick(o.name, value)} className={s.radio} />
                  <label htmlFor={id} className={s.value}>
                    {value}
                  </label>
                </span>
              );
            })}
          </div>
        </fieldset>
      ))}
      {stock ? (
        <p className={available !== null && available <= 0 ? s.out : s.stock} role="status">
          {stock}
        </p>
      ) : null}
      <input type="hidden" name="sku" value={variant?.sku ?? ''} />
      <div className={s.buy}>
        <label htmlFor="qty" className="visually-hidden">
          {text.quantity}
        </label>
        <input id="qty" name="quantity" type="number" min={1} max={Math.max(1, Math.min(99, available ?? 99))} defaultValue={1} className={ui.qty} />
        <AddButton label={text.addToCart} disabled={!sellable} />
      </div>
      {variant && variant.price && available !== null && available <= 0 ? (
        <button type="submit" formAction={wishAction} className={`${ui.button} ${ui.secondary} ${ui.wide}`}>
          {text.notify}
        </button>
      ) : null}
      {wish.ok ? (
        <p className={s.added} role="status">
          {wish.ok}
        </p>
      ) : null}
      {wish.error ? (
        <p className={s.out} role="alert">
          {wish.error}{' '}
          {wish.error === text.notifySignIn ? <a href={`/account/sign-in?next=${encodeURIComponent(typeof location === 'undefined' ? '/' : location.pathname)}`}>{text.signIn}</a> : null}
        </p>
      ) : null}
      {state.ok ? (
        <p className={s.added} role="status">
          {state.ok} <a href="/cart">→</a>
        </p>
      ) : null}
      {state.error ? (
        <p className={s.out} role="alert">
          {state.error}
        </p>
      ) : null}
    </form>
  );
}
