'use client';

import en from '@/messages/en.json';

/** When even the shop's frame cannot be rendered: the same friendly words, in a bare document. */
export default function GlobalError() {
  return (
    <html lang="en">
      <body>
        <main className="container page">
          <title>{en['error.unavailable.title']}</title>
          <h1>{en['error.unavailable.title']}</h1>
          <p>{en['error.unavailable.body']}</p>
          <a href="/">{en['error.retry']}</a>
        </main>
      </body>
    </html>
  );
}
