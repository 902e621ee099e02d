'use client';

import { useActionState, useEffect, useId, useRef, type ReactNode } from 'react';
import { useFormStatus } from 'react-dom';
import type { FormState } from '@/lib/form';
import { Field, Notice, type FieldProps } from '../ui';
import s from './admin.module.css';

type Action = (prev: FormState, form: FormData) => Promise<FormState>;

function Confirm({ label, working, danger }: { label: string; working: string; danger?: boolean | undefined }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className={danger ? `${s.smallButton} ${s.danger}` : s.smallButton} disabled={pending} aria-disabled={pending}>
      {pending ? working : label}
    </button>
  );
}

/**
 * A button that asks first: it opens a modal dialog saying what will happen, with the fields the
 * action needs (a reason, an amount…); "Confirm" posts to the server action. The API's refusal
 * shows in the dialog (field errors next to their fields), success closes it and says so.
 */
export function ConfirmAction({
  action,
  label,
  title,
  body,
  confirmLabel,
  cancelLabel,
  workingLabel,
  hidden,
  fields,
  danger,
  children,
}: {
  action: Action;
  label: string;
  title: string;
  body?: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  workingLabel: string;
  hidden?: Record<string, string>;
  fields?: FieldProps[];
  danger?: boolean;
  children?: ReactNode;
}) {
  const [state, formAction] = useActionState(action, {} as FormState);
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId().replace(/[^A-Za-z0-9]/g, '');
  useEffect(() => {
    if (state.ok) dialog.current?.close();
  }, [state]);
  return (
    <>
      <button type="button" className={danger ? `${s.smallButton} ${s.dangerOutline}` : `${s.smallButton} ${s.outline}`} onClick={() => dialog.current?.showModal()}>
        {label}
      </button>
      {state.ok ? <Notice kind="ok">{state.ok}</Notice> : null}
      <dialog ref={dialog} className={s.dialog} aria-labelledby={`${id}-title`}>
        <form action={formAction} noValidate>
          <h2 id={`${id}-title`} className={s.dialogTitle}>
            {title}
          </h2>
          {body ? <div className={s.dialogBody}>{body}</div> : null}
          {state.error ? <Notice kind="error">{state.error}</Notice> : null}
          {Object.entries(hidden ?? {}).map(([k, v]) => (
            <input key={k} type="hidden" name={k} value={v} />
          ))}
          {(fields ?? []).map((f) => (
            <Field key={f.name} {...f} idPrefix={`${id}-`} defaultValue={state.values?.[f.name] ?? f.defaultValue} error={state.fieldErrors?.[f.name]} />
          ))}
          {children}
          <div className={s.dialogActions}>
            <button type="button" className={`${s.smallButton} ${s.outline}`} onClick={() => dialog.current?.close()}>
              {cancelLabel}
            </button>
            <Confirm label={confirmLabel} working={workingLabel} danger={danger} />
          </div>
        </form>
      </dialog>
    </>
  );
}
