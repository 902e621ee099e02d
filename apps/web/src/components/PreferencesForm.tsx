'use client';

import { useActionState } from 'react';
import { useFormStatus } from 'react-dom';
import { savePreferences } from '@/actions/engagement';
import type { FormState } from '@/lib/form';
import { Button, Notice } from './ui';
import s from './preferences.module.css';

export interface PreferenceGrid {
  channels: Array<{ name: string; label: string; available: boolean }>;
  categories: Array<{ name: string; label: string }>;
  /** channel → category → on */
  chosen: Record<string, Record<string, boolean>>;
  /** `channel.category` pairs that cannot be changed. */
  locked: string[];
}

function Save({ label }: { label: string }) {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" disabled={pending} aria-disabled={pending}>
      {label}
    </Button>
  );
}

/** A grid of checkboxes, a row per category and a column per channel; locked choices are shown, disabled. */
export function PreferencesForm({ grid, caption, save }: { grid: PreferenceGrid; caption: string; save: string }) {
  const [state, action] = useActionState(savePreferences, {} as FormState);
  const locked = new Set(grid.locked);
  return (
    <form action={action}>
      {state.error ? <Notice kind="error">{state.error}</Notice> : null}
      {state.ok ? <Notice kind="ok">{state.ok}</Notice> : null}
      <table className={s.grid}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <td />
            {grid.channels.map((c) => (
              <th key={c.name} scope="col">
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {grid.categories.map((cat) => (
            <tr key={cat.name}>
              <th scope="row">{cat.label}</th>
              {grid.channels.map((ch) => {
                const key = `${ch.name}.${cat.name}`;
                return (
                  <td key={key}>
                    <input
                      type="checkbox"
                      name={key}
                      aria-label={`${cat.label}: ${ch.label}`}
                      defaultChecked={grid.chosen[ch.name]?.[cat.name] ?? false}
                      disabled={locked.has(key) || !ch.available}
                      className={s.box}
                    />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <Save label={save} />
    </form>
  );
}
