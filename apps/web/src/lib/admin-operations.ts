import type { paths } from '@mercato/client';
import { adminApi } from './admin';
import { loaded, type Loaded } from './admin-lists';
import type { GetOk } from './types';

// The back office's operations page: each service's readiness and its failed events (the
// gateway's admin operations API, which asks the services' operator routes for it).

export type ServiceName = paths['/api/v1/operations/dead-letters/{service}']['get']['parameters']['path']['service'];
export const SERVICES: readonly ServiceName[] = ['auth', 'user', 'catalog', 'inventory', 'order', 'payment', 'review', 'notification'] as ServiceName[];
type FailureStatus = NonNullable<NonNullable<paths['/api/v1/operations/dead-letters/{service}']['get']['parameters']['query']>['status']>;
export const FAILURE_STATUSES: readonly FailureStatus[] = ['dead', 'retrying', 'resolved', 'discarded'] as FailureStatus[];
export type Health = GetOk<'/api/v1/operations/services'>['items'][number];
export type FailurePage = GetOk<'/api/v1/operations/dead-letters/{service}'>;
export type Failure = FailurePage['items'][number];

export interface FailureFilters {
  service: ServiceName;
  status: FailureStatus;
  cursor?: string;
}

export function failureFiltersOf(params: Record<string, string | string[] | undefined>): FailureFilters {
  const one = (k: string) => {
    const v = params[k];
    return (Array.isArray(v) ? v[0] : v)?.trim();
  };
  const service = (SERVICES as readonly string[]).includes(one('service') ?? '') ? (one('service') as ServiceName) : 'order';
  const status = (FAILURE_STATUSES as readonly string[]).includes(one('status') ?? '') ? (one('status') as FailureStatus) : 'dead';
  const cursor = one('cursor');
  return { service, status, ...(cursor && /^\d{1,18}$/.test(cursor) ? { cursor } : {}) };
}

export function operationsHref(f: FailureFilters, change: Partial<FailureFilters> = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...f, ...change })) if (v) q.set(k, String(v));
  return `/admin/operations?${q.toString()}`;
}

export async function loadHealth(): Promise<Loaded<Health[]>> {
  const client = await adminApi();
  const r = await loaded(await client.GET('/api/v1/operations/services'));
  return r.ok ? { ok: true, data: r.data.items } : r;
}

export async function loadFailures(f: FailureFilters): Promise<Loaded<FailurePage>> {
  const client = await adminApi();
  return loaded(await client.GET('/api/v1/operations/dead-letters/{service}', { params: { path: { service: f.service }, query: { status: f.status, limit: 20, ...(f.cursor ? { cursor: f.cursor } : {}) } } }));
}

/** An event's envelope as indented JSON for reading (the services redact secrets before). */
export function pretty(value: unknown): string {
  try {
    return JSON.stringify(value, null, 2).slice(0, 20_000);
  } catch {
    return String(value);
  }
}
