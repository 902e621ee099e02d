'use client';

import { useActionState, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useFormStatus } from 'react-dom';
import { Button, Field, Notice, type FieldProps } from '@/components/ui';
import type { FormState } from '@/lib/form';
import s from './ops.module.css';

type Action = (prev: FormState, form: FormData) => Promise<FormState>;

export interface Confirmation {
  title: string;
  body: string;
  confirm: string;
  cancel: string;
  /** When the named field is filled in, this body instead, with `{value}` as what was typed. */
  whenFilled?: { field: string; body: string };
}

function question(c: Confirmation, form: FormData): Confirmation {
  const value = c.whenFilled ? String(form.get(c.whenFilled.field) ?? '').trim() : '';
  return c.whenFilled && value ? { ...c, body: c.whenFilled.body.replace('{value}', value) } : c;
}

function Submit({ label, kind }: { label: string; kind: 'primary' | 'secondary' }) {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" kind={kind} disabled={pending} aria-disabled={pending}>
      {label}
    </Button>
  );
}

/**
 * A back-office form posted to a server action: the API's field errors next to their fields,
 * its refusal in words above them; with `confirm`, a dialog asks before anything is sent (the
 * summary of what will happen, with the values typed).
 */
export function OpForm({
  action,
  fields = [],
  submit,
  hidden,
  confirm,
  kind = 'primary',
  children,
  inline,
  testId,
}: {
  action: Action;
  fields?: FieldProps[];
  submit: string;
  hidden?: Record<string, string>;
  confirm?: Confirmation;
  kind?: 'primary' | 'secondary';
  children?: ReactNode;
  inline?: boolean;
  testId?: string;
}) {
  const [state, formAction] = useActionState(action, {} as FormState);
  const prefix = `${useId().replace(/[^A-Za-z0-9]/g, '')}-`;
  const formRef = useRef<HTMLFormElement>(null);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const confirmed = useRef(false);
  const [asking, setAsking] = useState<Confirmation | undefined>();
  const titleId = `${prefix}confirm-title`;

  useEffect(() => {
    if (asking) dialogRef.current?.showModal();
    else dialogRef.current?.close();
  }, [asking]);

  const onSubmit = (e: React.FormEvent<HTMLFormElement>) => {
    if (!confirm || confirmed.current) {
      confirmed.current = false;
      return;
    }
    e.preventDefault();
    setAsking(question(confirm, new FormData(e.currentTarget)));
  };

  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className={inline ? s.inlineForm : s.form} data-testid={testId}>
      {state.error ? <Notice kind="error">{state.error}</Notice> : null}
      {state.ok ? <Notice kind="ok">{state.ok}</Notice> : null}
      {Object.entries(hidden ?? {}).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      {fields.map((f) => (
        <Field key={f.name} {...f} idPrefix={prefix} defaultValue={state.values?.[f.name] ?? f.defaultValue} error={state.fieldErrors?.[f.name]} />
      ))}
      {children}
      {Object.entries(state.fieldErrors ?? {})
        .filter(([name]) => !fields.some((f) => f.name === name))
        .map(([name, message]) => (
          <p key={name} className={s.fieldError} data-field={name}>
            {message}
          </p>
        ))}
      <Submit label={submit} kind={kind} />
      {confirm ? (
        <dialog ref={dialogRef} className={s.dialog} aria-labelledby={titleId} onClose={() => setAsking(undefined)}>
          {asking ? (
            <>
              <h2 id={titleId}>{asking.title}</h2>
              <p>{asking.body}</p>
              <div className={s.dialogButtons}>
                <Button type="button" kind="secondary" onClick={() => setAsking(undefined)}>
                  {asking.cancel}
                </Button>
                <Button
                  type="button"
                  onClick={() => {
                    confirmed.current = true;
                    setAsking(undefined);
                    formRef.current?.requestSubmit();
                  }}
                >
                  {asking.confirm}
                </Button>
              </div>
            </>
          ) : null}
        </dialog>
      ) : null}
    </form>
  );
}
