import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * The endpoints the READMEs list, so that a test can hold each to the API document.
 *
 * The format (every README follows it; a new service's README too): an endpoint is a code span
 * that starts with an HTTP method and a path, anywhere in the README — a table row, a list item,
 * a sentence:
 *
 *   `GET /carts/{id}`   `POST /carts/{id}/items` { sku, quantity }   `GET/PATCH /users/me`
 *
 * - methods GET, POST, PUT, PATCH, DELETE, several joined by `/` (each is checked);
 * - the path as the service serves it (`/carts/{id}`, which the gateway publishes under
 *   `/api/v1`) or as published (`/api/v1/...`, `/.well-known/...`); parameters in braces (what is
 *   inside them does not matter: `{id}`, `{google,facebook}`); a query string after `?` is
 *   ignored, and so is anything after the code span (a body, notes).
 *
 * Operator and internal endpoints are not part of the public API and are not checked:
 * `/ops/...`, `/internal/...` (between services, never routed by the gateway), `/healthz`, `/readyz`, `/metrics`, a service's own `/openapi.json`, the `/docs`
 * page, and development pages under `/notifications/dev/`. A code span that starts with a method
 * but has no path that parses is reported, so a listed endpoint is never skipped silently. To
 * mention an endpoint that does not exist yet, write it without the method (`/reviews`), not as
 * an endpoint.
 */
export interface ListedEndpoint {
  file: string;
  line: number;
  method: string;
  /** The public path with every parameter as `{}`. */
  path: string;
  text: string;
}

const METHOD = '(?:GET|POST|PUT|PATCH|DELETE)';
const SPAN = new RegExp(`\`(${METHOD}(?:/${METHOD})*) ([^\`]*)\``, 'g');
const STARTS_WITH_METHOD = new RegExp(`\`${METHOD}(?:/${METHOD})* `, 'g');
const PATH = /^(\/[A-Za-z0-9._~{},\-/]*)(\?[^\s`]*)?$/;
const NOT_PUBLIC = [/^\/(ops|internal)(\/|$)/, /^\/(healthz|readyz|metrics|openapi\.json|docs)$/, /^\/notifications\/dev\//];

/** `{anything}` → `{}`: two templates of one route compare equal. */
export const templateOf = (path: string): string => path.replace(/\{[^}]*\}/g, '{}').replace(/\/+$/, '') || '/';

export function endpointsOf(file: string, text: string): { endpoints: ListedEndpoint[]; malformed: string[] } {
  const endpoints: ListedEndpoint[] = [];
  const malformed: string[] = [];
  text.split('\n').forEach((content, i) => {
    const line = i + 1;
    const spans = [...content.matchAll(SPAN)];
    const starts = [...content.matchAll(STARTS_WITH_METHOD)].length;
    if (starts !== spans.length) malformed.push(`${file}:${line}: ${content.trim()}`);
    for (const [span, methods, rest] of spans) {
      const m = PATH.exec(rest!.trim());
      if (!m) {
        malformed.push(`${file}:${line}: ${span}`);
        continue;
      }
      const path = m[1]!;
      if (NOT_PUBLIC.some((r) => r.test(path))) continue;
      const published = path.startsWith('/api/v1/') || path.startsWith('/.well-known/') ? path : `/api/v1${path}`;
      for (const method of methods!.split('/')) endpoints.push({ file, line, method, path: templateOf(published), text: span! });
    }
  });
  return { endpoints, malformed };
}

/** The README of the repository and of every package, service and app. */
export function readmes(root: string): string[] {
  const out = [join(root, 'README.md')];
  for (const dir of ['apps', 'packages', 'services']) {
    for (const name of readdirSync(join(root, dir))) {
      const file = join(root, dir, name, 'README.md');
      if (statSync(join(root, dir, name)).isDirectory() && statSync(file, { throwIfNoEntry: false })?.isFile()) out.push(file);
    }
  }
  return out.map((f) => relative(root, f));
}

/** Every endpoint every README lists; `malformed` names the spans that look like one but do not parse. */
export function listedEndpoints(root: string): { endpoints: ListedEndpoint[]; malformed: string[] } {
  const all = readmes(root).map((f) => endpointsOf(f, readFileSync(join(root, f), 'utf8')));
  return { endpoints: all.flatMap((a) => a.endpoints), malformed: all.flatMap((a) => a.malformed) };
}
