'use client';

import { useEffect, useRef } from 'react';

/** Moves the tokens of an external sign-in from the URL fragment into a form posted to the server, and clears the fragment. */
export function FragmentSession({ action }: { action: (form: FormData) => Promise<void> }) {
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    const params = new URLSearchParams(window.location.hash.slice(1));
    history.replaceState(null, '', window.location.pathname);
    const f = form.current;
    if (!f) return;
    for (const k of ['accessToken', 'refreshToken', 'expiresIn']) {
      const input = f.elements.namedItem(k) as HTMLInputElement | null;
      if (input) input.value = params.get(k) ?? '';
    }
    f.requestSubmit();
  }, []);
  return (
    <form ref={form} action={action} hidden>
      <input type="hidden" name="accessToken" />
      <input type="hidden" name="refreshToken" />
      <input type="hidden" name="expiresIn" />
    </form>
  );
}
