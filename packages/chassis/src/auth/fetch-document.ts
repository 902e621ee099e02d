/**
 * One JSON document that auth publishes for verifiers (its JWKS, the session generations): a
 * GET with a time limit and a size bound; any other answer is an error naming `what`.
 */
export async function fetchAuthDocument(
  url: string,
  opts: { what: string; timeoutMs: number; maxBytes: number; fetch?: typeof fetch },
): Promise<Record<string, unknown>> {
  const res = await (opts.fetch ?? fetch)(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(opts.timeoutMs) });
  if (!res.ok) throw new Error(`the ${opts.what} answered ${res.status}`);
  const text = await res.text();
  if (text.length > opts.maxBytes) throw new Error(`the ${opts.what} document is too large`);
  const doc: unknown = JSON.parse(text);
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) throw new Error(`the ${opts.what} document is not an object`);
  return doc as Record<string, unknown>;
}
