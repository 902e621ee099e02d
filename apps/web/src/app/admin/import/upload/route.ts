import { NextResponse, type NextRequest } from 'next/server';
import { mayUse } from '@/lib/admin';
import { api } from '@/lib/api';
import { currentUser } from '@/lib/session';

// The import page's upload: the file's bytes come here from the browser (which shows how much of
// it has been sent), go on to the catalog's POST /products/import with the user's token, and the
// catalog's answer (the report, or the refusal) goes back as it is.

const MAX_BYTES = 20 * 1024 * 1024;
const TYPES: Record<string, string> = { csv: 'text/csv', json: 'application/json' };

function problem(status: number, code: string, detail: string): NextResponse {
  return NextResponse.json({ status, code, title: detail, detail }, { status, headers: { 'content-type': 'application/problem+json' } });
}

export async function POST(req: NextRequest): Promise<NextResponse> {
  const user = await currentUser();
  if (!user) return problem(401, 'unauthorized', 'Sign in again.');
  if (!mayUse(user.roles, 'import')) return problem(403, 'forbidden', 'Your role may not import products.');
  const format = req.nextUrl.searchParams.get('format') ?? '';
  const type = TYPES[format];
  if (!type) return problem(415, 'unsupported_media_type', 'Import a .csv or a .json file.');
  const length = Number(req.headers.get('content-length') ?? '0');
  if (length > MAX_BYTES) return problem(413, 'payload_too_large', 'The file is larger than 20 MB.');
  const body = await req.text();
  if (Buffer.byteLength(body) > MAX_BYTES) return problem(413, 'payload_too_large', 'The file is larger than 20 MB.');
  const dryRun = req.nextUrl.searchParams.get('dryRun') === 'true';
  const client = await api();
  const r = await client.POST('/api/v1/products/import', {
    params: { query: dryRun ? { dryRun: true } : {} },
    body: body as never,
    bodySerializer: (b: unknown) => b as BodyInit,
    headers: { 'content-type': `${type}; charset=utf-8` },
  });
  const res = r.response;
  const status = res.status === 0 ? 503 : res.status;
  const payload: unknown = r.data ?? r.error ?? { status, title: res.statusText || 'Service unavailable' };
  return NextResponse.json(payload, { status, headers: { 'content-type': res.ok ? 'application/json' : 'application/problem+json', 'cache-control': 'no-store' } });
}
