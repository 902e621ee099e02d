import type { ComponentProps, ReactNode } from 'react';
import s from './ui.module.css';

// The design system's primitives: buttons, fields, notices, cards. No hooks: usable from server
// and client components alike.

type ButtonKind = 'primary' | 'secondary' | 'link';
const kindClass = (kind: ButtonKind) => (kind === 'secondary' ? `${s.button} ${s.secondary}` : kind === 'link' ? s.link : s.button);

export function Button({ kind = 'primary', wide, className, ...rest }: ComponentProps<'button'> & { kind?: ButtonKind; wide?: boolean }) {
  return <button {...rest} className={[kindClass(kind), wide ? s.wide : '', className ?? ''].join(' ').trim()} />;
}

export function LinkButton({ kind = 'primary', className, ...rest }: ComponentProps<'a'> & { kind?: ButtonKind }) {
  return <a {...rest} className={[kindClass(kind), className ?? ''].join(' ').trim()} />;
}

export interface FieldProps {
  name: string;
  label: string;
  type?: string;
  defaultValue?: string | undefined;
  autoComplete?: string;
  required?: boolean;
  hint?: string | undefined;
  error?: string | undefined;
  options?: ReadonlyArray<{ value: string; label: string }>;
  inputMode?: ComponentProps<'input'>['inputMode'];
  minLength?: number;
  maxLength?: number;
  /** Makes the ids unique when several forms on a page have a field of the same name. */
  idPrefix?: string;
}

/** A labelled input (or select, or textarea with `type: 'textarea'`) with its hint and its error, wired for assistive technology. */
export function Field({ name, label, type = 'text', defaultValue, autoComplete, required, hint, error, options, inputMode, minLength, maxLength, idPrefix = '' }: FieldProps) {
  const id = `f-${idPrefix}${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const common = { id, name, required, 'aria-invalid': error ? true : undefined, 'aria-describedby': described, className: s.input, autoComplete };
  return (
    <div className={s.field}>
      <label htmlFor={id} className={s.label}>
        {label}
      </label>
      {options ? (
        <select {...common} defaultValue={defaultValue}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      ) : type === 'textarea' ? (
        <textarea {...common} defaultValue={defaultValue} minLength={minLength} maxLength={maxLength} rows={5} />
      ) : (
        <input {...common} type={type} defaultValue={defaultValue} inputMode={inputMode} minLength={minLength} maxLength={maxLength} />
      )}
      {hint ? (
        <span id={`${id}-hint`} className={s.hint}>
          {hint}
        </span>
      ) : null}
      {error ? (
        <span id={`${id}-error`} className={s.error}>
          {error}
        </span>
      ) : null}
    </div>
  );
}

export function Notice({ kind = 'info', children, role }: { kind?: 'info' | 'error' | 'ok'; children: ReactNode; role?: 'status' | 'alert' }) {
  const cls = kind === 'error' ? `${s.notice} ${s.noticeError}` : kind === 'ok' ? `${s.notice} ${s.noticeOk}` : s.notice;
  return (
    <div className={cls} role={role ?? (kind === 'error' ? 'alert' : 'status')}>
      {children}
    </div>
  );
}

export function Card({ children, className }: { children: ReactNode; className?: string }) {
  return <div className={`${s.card} ${className ?? ''}`}>{children}</div>;
}

export const ui = s;
