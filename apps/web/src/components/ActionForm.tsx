'use client';

import { useActionState, useId, type ReactNode } from 'react';
import { useFormStatus } from 'react-dom';
import type { FormState } from '@/lib/form';
import { Button, Field, Notice, type FieldProps } from './ui';

type Action = (prev: FormState, form: FormData) => Promise<FormState>;

function Submit({ label, pendingLabel }: { label: string; pendingLabel?: string | undefined }) {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" disabled={pending} aria-disabled={pending} wide>
      {pending && pendingLabel ? pendingLabel : label}
    </Button>
  );
}

/**
 * A form posted to a server action: the API's field errors appear next to the fields they name,
 * its other refusals above the form; values (never passwords) are kept after a refusal. Works
 * without JavaScript too.
 */
export function ActionForm({
  action,
  fields,
  submit,
  pendingLabel,
  hidden,
  children,
  resetOnOk,
}: {
  action: Action;
  fields: FieldProps[];
  submit: string;
  pendingLabel?: string;
  hidden?: Record<string, string>;
  children?: ReactNode;
  resetOnOk?: boolean;
}) {
  const [state, formAction] = useActionState(action, {} as FormState);
  const prefix = `${useId().replace(/[^A-Za-z0-9]/g, '')}-`;
  return (
    <form action={formAction} noValidate key={resetOnOk && state.ok ? state.ok + Date.now() : undefined}>
      {state.error ? <Notice kind="error">{state.error}</Notice> : null}
      {state.ok ? <Notice kind="ok">{state.ok}</Notice> : null}
      {Object.entries(hidden ?? {}).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      {fields.map((f) => (
        <Field key={f.name} {...f} idPrefix={prefix} defaultValue={state.values?.[f.name] ?? f.defaultValue} error={state.fieldErrors?.[f.name]} />
      ))}
      {children}
      <Submit label={submit} pendingLabel={pendingLabel} />
    </form>
  );
}
