'use client';

import en from '@/messages/en.json';

/**
 * A page whose data could not be loaded: a friendly message, never a stack. The server answers
 * it with 503 and Retry-After when a service was unavailable (see server.mjs).
 */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="page">
      <h1>{en['error.unavailable.title']}</h1>
      <p>{en['error.unavailable.body']}</p>
      <button type="button" onClick={() => reset()}>
        {en['error.retry']}
      </button>
    </div>
  );
}
