import { DomainError, UpstreamError } from '../errors.js';
import { problem, STATUS_PROBLEMS, type Problem } from '../http/problem.js';

/**
 * Reads a response body as text, refusing one larger than `maxBytes` (declared or actual)
 * without buffering past the limit: an upstream must not be able to exhaust our memory.
 */
export async function readBounded(res: Response, maxBytes: number, tooLarge: (detail: string) => Error): Promise<string> {
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body?.cancel().catch(() => {});
    throw tooLarge(`sent a ${declared}-byte body, over the ${maxBytes}-byte limit`);
  }
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(`sent a body over the ${maxBytes}-byte limit`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}


function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The upstream's problem+json when it sent one, else a problem made up from the status. */
export function toProblem(upstream: string, status: number, body: unknown): Problem {
  if (isObject(body) && typeof body.title === 'string' && (typeof body.code === 'string' || typeof body.type === 'string')) {
    const code = typeof body.code === 'string' ? body.code : String(body.type).replace(/^.*[:/]/, '');
    return { ...body, type: typeof body.type === 'string' ? body.type : `urn:mercato:problem:${code}`, code, title: body.title, status } as Problem;
  }
  const [code, title] = STATUS_PROBLEMS[status] ?? ['upstream_error', 'Upstream error'];
  return problem(status, code, title, `${upstream} answered ${status}`);
}

const STANDARD_MEMBERS = new Set(['type', 'code', 'title', 'status', 'detail', 'instance']);

/** An upstream's 4xx verdict, passed on with its own status, code and detail. */
export class UpstreamProblemError extends DomainError {
  readonly upstream: string;
  readonly problem: Problem;
  constructor(upstream: string, p: Problem) {
    const extensions: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(p)) if (!STANDARD_MEMBERS.has(k)) extensions[k] = v;
    super({ type: p.code, status: p.status, title: p.title, detail: p.detail, extensions });
    this.upstream = upstream;
    this.problem = p;
  }
}

/**
 * The error to throw for a non-2xx answer. A 4xx keeps the upstream's status and code (the
 * caller sent something the upstream refused); a 5xx never leaks the upstream's internals.
 */
export function errorFromResponse(upstream: string, status: number, body: Problem): DomainError {
  if (status === 503) return new UpstreamError(503, 'upstream_unavailable', `${upstream} is unavailable${body.detail ? `: ${body.detail}` : ''}`);
  if (status === 504) return new UpstreamError(504, 'upstream_timeout', `${upstream} timed out upstream of it`);
  if (status >= 400 && status < 500) return new UpstreamProblemError(upstream, body);
  return new UpstreamError(502, 'bad_gateway', `${upstream} answered ${status}`);
}
