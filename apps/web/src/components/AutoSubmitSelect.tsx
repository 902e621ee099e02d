'use client';

import { useEffect, useState } from 'react';

/** A select that submits its form when changed; without JavaScript, an Apply button does it. */
export function AutoSubmitSelect({ id, name, defaultValue, options, labels, applyLabel, className }: { id: string; name: string; defaultValue: string; options: readonly string[]; labels?: Record<string, string>; applyLabel: string; className?: string }) {
  const [js, setJs] = useState(false);
  useEffect(() => setJs(true), []);
  return (
    <>
      <select id={id} name={name} defaultValue={defaultValue} className={className} onChange={(e) => e.currentTarget.form?.requestSubmit()}>
        {options.map((o) => (
          <option key={o} value={o}>
            {labels?.[o] ?? o}
          </option>
        ))}
      </select>
      {js ? null : <button type="submit">{applyLabel}</button>}
    </>
  );
}
