import type { Metadata } from 'next';

// A static page (rendered at build time, no data, no session) for the storefront benchmark's
// baseline: the product page's throughput is measured against this page of the same size,
// served by the same server through the same gateway. Its size is set by the benchmark.
export const dynamic = 'force-static';
export const metadata: Metadata = { title: 'Static baseline', robots: { index: false } };

const PARAGRAPHS = Number(process.env.WEB_STATIC_BASELINE_PARAGRAPHS ?? 60);

export default function StaticBaseline() {
  return (
    <main>
      <h1>Static baseline</h1>
      {Array.from({ length: PARAGRAPHS }, (_, i) => (
        <p key={i}>
          Paragraph {i}: a static page of about the size of a product page, served from the build output without rendering or any call to the API.
        </p>
      ))}
    </main>
  );
}
