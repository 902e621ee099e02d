/** The validator of a product's representation: its version. */
export function productEtag(version: number): string {
  return `"v${version}"`;
}

/**
 * Whether an `If-Match` header matches the current ETag (RFC 9110 §13.1.1: `*` matches any
 * current representation; weak validators never match for If-Match).
 */
export function ifMatchHolds(header: string | undefined, current: string): boolean {
  if (header === undefined) return true;
  const trimmed = header.trim();
  if (trimmed === '*') return true;
  return trimmed
    .split(',')
    .map((t) => t.trim())
    .some((t) => t === current);
}

/** Whether an `If-None-Match` header names `etag` (weak comparison, RFC 9110 §13.1.2). */
export function ifNoneMatchHolds(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = (t: string) => t.trim().replace(/^W\//, '');
  const target = bare(etag);
  return header.trim() === '*' || header.split(',').some((t) => bare(t) === target);
}
