import { PreconditionRequired } from '@mercato/chassis';

/** The validator of a product's representation: its version. */
export function productEtag(version: number): string {
  return `"v${version}"`;
}

/**
 * Whether an `If-Match` header matches the current ETag (RFC 9110 §13.1.1: `*` matches any
 * current representation; weak validators never match for If-Match). Every write of a product
 * must send one (428 otherwise, see requireIfMatch): two editors never overwrite each other
 * unknowingly.
 */
export function ifMatchHolds(header: string, current: string): boolean {
  const trimmed = header.trim();
  if (trimmed === '*') return true;
  return trimmed
    .split(',')
    .map((t) => t.trim())
    .some((t) => t === current);
}

/** The If-Match header of a product write; 428 `precondition_required` without one. */
export function requireIfMatch(header: string | undefined): string {
  if (header === undefined || header.trim() === '') {
    throw new PreconditionRequired('Send If-Match with the ETag of the product as you last read it (or * to overwrite whatever it is now)');
  }
  return header;
}

/** Whether an `If-None-Match` header names `etag` (weak comparison, RFC 9110 §13.1.2). */
export function ifNoneMatchHolds(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = (t: string) => t.trim().replace(/^W\//, '');
  const target = bare(etag);
  return header.trim() === '*' || header.split(',').some((t) => bare(t) === target);
}
