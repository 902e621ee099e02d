// `npm run lint:openapi [-- <gateway URL>]`: lints the merged OpenAPI document with Redocly's
// recommended rules. Given a URL, the document of that running platform; else a platform is
// started for it (embedded, on free ports, in a temporary folder) and stopped afterwards.
// Exit code 1 when there is an error, or a warning that is not accepted (see openapi-lint.ts).
import { startEmbedded } from '../e2e/support/embedded.js';
import { ACCEPTED_WARNINGS, lintOpenApi, unexpected } from './openapi-lint.js';

async function documentOf(gateway: string): Promise<Record<string, unknown>> {
  for (let i = 0; ; i++) {
    const doc = (await (await fetch(`${gateway.replace(/\/+$/, '')}/api/v1/openapi.json`)).json()) as Record<string, unknown>;
    const down = doc['x-unavailable'] as { service: string }[];
    if (down.length === 0 || i === 50) return doc;
    await new Promise((r) => setTimeout(r, 200));
  }
}

const given = process.argv[2];
const platform = given ? undefined : await startEmbedded({ MERCATO_DEMO_DATA: 'false' });
try {
  const doc = await documentOf(given ?? platform!.api.replace(/\/api\/v1$/, ''));
  const problems = await lintOpenApi(doc);
  const bad = unexpected(problems);
  for (const p of bad) process.stdout.write(`${p.severity === 'error' ? 'error' : 'warning'}  ${p.ruleId}  ${p.pointer}  ${p.message}\n`);
  const accepted = problems.length - bad.length;
  process.stdout.write(
    `${Object.keys(doc.paths as object).length} paths: ${problems.filter((p) => p.severity === 'error').length} errors, ${problems.filter((p) => p.severity === 'warn').length} warnings` +
      ` (${accepted} accepted: ${ACCEPTED_WARNINGS.map((a) => a.why).join('; ')})\n`,
  );
  process.exitCode = bad.length > 0 ? 1 : 0;
} finally {
  await platform?.close();
}
