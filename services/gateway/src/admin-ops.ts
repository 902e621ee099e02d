import { accessOf, can, createServiceClient, Forbidden, operation, TooManyRequests, Unauthorized, UpstreamError, type FastifyRequest, type HttpApp, type Logger, type ServiceClient } from '@mercato/chassis';
import { Type, type Static } from '@sinclair/typebox';
import type { EdgeGuard, Refusal } from './edge-auth.js';
import { clientAddress } from './proxy.js';
import { API_PREFIX, UPSTREAMS, type UpstreamName } from './routes.js';

/**
 * The back office's operations API, on the gateway: every service's dead letters (listed,
 * counted, inspected, replayed, discarded) and its readiness, for callers with the `admin` role.
 * The gateway calls each service's own `/ops/*` routes with the `OPS_TOKEN` it is configured
 * with (never exposed: `/ops` is not routed); those routes present the stored failures, so what
 * they redact is redacted here too. Without `OPS_TOKEN` the dead-letter routes answer 503.
 */
export interface AdminOpsOptions {
  upstreams: Record<UpstreamName, string>;
  opsToken: string | undefined;
  /** The edge's rate limits and token check, as for proxied routes. */
  guard: EdgeGuard;
  /** Time each call to a service may take, in ms. */
  timeoutMs: number;
  /** Whether X-Forwarded-For names the client (as for proxied routes). */
  trustForwarded: boolean;
  logger: Logger;
}

export const OPERATIONS_PREFIX = `${API_PREFIX}/operations`;

const ServiceName = Type.Union(UPSTREAMS.map((s) => Type.Literal(s)));
const ServiceParams = Type.Object({ service: ServiceName }, { additionalProperties: false });
const FailureParams = Type.Object({ service: ServiceName, id: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }) }, { additionalProperties: false });
const Status = Type.Union(['retrying', 'dead', 'resolved', 'discarded'].map((s) => Type.Literal(s)));
const Ids = Type.Array(Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }), { minItems: 1, maxItems: 1000 });
const ListQuery = Type.Object(
  {
    status: Type.Optional(Status),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
    cursor: Type.Optional(Type.String({ pattern: '^[0-9]{1,18}$', maxLength: 18 })),
  },
  { additionalProperties: false },
);
const Counts = Type.Object(
  { retrying: Type.Integer(), dead: Type.Integer(), resolved: Type.Integer(), discarded: Type.Integer() },
  { additionalProperties: false },
);
const Failure = Type.Object(
  {
    id: Type.Integer(),
    consumer: Type.String(),
    eventId: Type.String(),
    type: Type.String(),
    status: Status,
    attempts: Type.Integer(),
    nextAttemptAt: Type.Union([Type.String(), Type.Null()]),
    lastError: Type.String(),
    firstFailedAt: Type.String(),
    updatedAt: Type.String(),
    attemptLog: Type.Array(Type.Unknown()),
    envelope: Type.Unknown({ description: 'The event as it was delivered' }),
  },
  { additionalProperties: true },
);
const ServiceHealth = Type.Object(
  {
    service: ServiceName,
    ready: Type.Boolean(),
    checks: Type.Record(Type.String(), Type.String(), { description: 'Each readiness check: ok, or why it failed' }),
    detail: Type.Union([Type.String(), Type.Null()], { description: 'Why the service could not be asked, when it could not' }),
    deadLetters: Type.Union([Counts, Type.Null()], { description: 'Failed events by state; null when they could not be read' }),
  },
  { additionalProperties: false },
);
const tags = ['operations (admin)'];
/** Who may use them; like a proxied route, they pass the edge's rate limits too (429). */
const ADMIN = accessOf('operations');

/** Registers the operations routes on the gateway's own app (before `app.ready()`). */
export function registerAdminOps(app: HttpApp, opts: AdminOpsOptions): void {
  const clients = new Map<UpstreamName, ServiceClient>(
    UPSTREAMS.map((service) => [
      service,
      createServiceClient({
        name: service,
        baseUrl: opts.upstreams[service],
        timeoutMs: opts.timeoutMs,
        retries: 0,
        // A service that is down answers here as not ready; it never opens anything for the proxy.
        breaker: { failureThreshold: 1_000_000, firstRetryMs: 1_000 },
        headers: opts.opsToken ? { authorization: `Bearer ${opts.opsToken}` } : {},
      }),
    ]),
  );
  const client = (service: UpstreamName): ServiceClient => {
    if (!opts.opsToken) throw new UpstreamError(503, 'operations_unavailable', 'The gateway has no OPS_TOKEN: it cannot reach the services\' operator routes');
    return clients.get(service)!;
  };

  /**
   * The edge's checks as for a proxied route (client rate, access token, user rate), then the
   * admin role. Each service checks the OPS_TOKEN again.
   */
  const adminOnly = async (req: FastifyRequest) => {
    const admission = await opts.guard.admit(req.raw, clientAddress(req.raw, opts.trustForwarded));
    if (admission.refusal) throw refusalError(admission.refusal);
    if (!admission.identity) throw new Unauthorized('Authentication is required', 'Bearer realm="mercato"');
    if (!can(admission.identity.roles.split(','), 'operations')) throw new Forbidden('Operations need the admin role');
  };

  app.get(
    `${OPERATIONS_PREFIX}/services`,
    {
      preValidation: adminOnly,
      schema: {
        tags,
        ...operation('listServiceHealth', ADMIN, { 429: 'rate_limited' }),
        summary: "Admin: every service's readiness (its /readyz checks) and its failed events by state",
        response: { 200: Type.Object({ items: Type.Array(ServiceHealth) }, { additionalProperties: false }) },
      },
    },
    async () => ({ items: await Promise.all(UPSTREAMS.map((service) => health(service))) }),
  );

  async function health(service: UpstreamName) {
    const c = clients.get(service)!;
    const [ready, counts] = await Promise.allSettled([
      c.get<{ checks?: Record<string, string> }>('/readyz'),
      opts.opsToken ? c.json<Static<typeof Counts>>('GET', '/ops/dead-letters/counts') : Promise.reject(new Error('no OPS_TOKEN')),
    ]);
    const out = { service, ready: false, checks: {} as Record<string, string>, detail: null as string | null, deadLetters: null as null | Static<typeof Counts> };
    if (ready.status === 'fulfilled') {
      out.ready = ready.value.ok;
      const body = ready.value.body as { checks?: Record<string, string>; detail?: string };
      out.checks = body.checks ?? {};
      if (!ready.value.ok) out.detail = body.detail ?? `answered ${ready.value.status}`;
    } else {
      out.detail = ready.reason instanceof Error ? ready.reason.message : 'unreachable';
    }
    if (counts.status === 'fulfilled') out.deadLetters = counts.value;
    else opts.logger.warn({ service, err: counts.reason }, 'dead-letter counts unavailable');
    return out;
  }

  app.get(
    `${OPERATIONS_PREFIX}/dead-letters/:service`,
    {
      preValidation: adminOnly,
      schema: {
        tags,
        ...operation('listDeadLetters', ADMIN, { 429: 'rate_limited' }),
        summary: "Admin: a service's failed events, newest first (default: dead ones), with payload, error and attempts",
        params: ServiceParams,
        querystring: ListQuery,
        response: { 200: Type.Object({ items: Type.Array(Failure), nextCursor: Type.Union([Type.String(), Type.Null()]) }, { additionalProperties: false }) },
      },
    },
    async (req) => client(req.params.service).json('GET', '/ops/dead-letters', { query: { ...req.query } }),
  );

  app.get(
    `${OPERATIONS_PREFIX}/dead-letters/:service/:id`,
    {
      preValidation: adminOnly,
      schema: { tags, ...operation('getDeadLetter', ADMIN, { 429: 'rate_limited', 404: 'not_found' }), summary: 'Admin: one failed event, with every attempt', params: FailureParams, response: { 200: Failure } },
    },
    async (req) => client(req.params.service).json('GET', `/ops/dead-letters/${req.params.id}`),
  );

  app.post(
    `${OPERATIONS_PREFIX}/dead-letters/:service/replay`,
    {
      preValidation: adminOnly,
      schema: {
        tags,
        ...operation('replayDeadLetters', ADMIN, { 429: 'rate_limited' }),
        summary: "Admin: put dead events back in the service's retry queue (ids, or all)",
        params: ServiceParams,
        body: Type.Object({ ids: Type.Optional(Ids), all: Type.Optional(Type.Literal(true)) }, { additionalProperties: false, minProperties: 1, maxProperties: 1 }),
        response: { 200: Type.Object({ replayed: Type.Array(Type.Integer()) }, { additionalProperties: false }) },
      },
    },
    async (req) => client(req.params.service).json('POST', '/ops/dead-letters/replay', { body: req.body }),
  );

  app.post(
    `${OPERATIONS_PREFIX}/dead-letters/:service/discard`,
    {
      preValidation: adminOnly,
      schema: {
        tags,
        ...operation('discardDeadLetters', ADMIN, { 429: 'rate_limited' }),
        summary: 'Admin: give up on dead events for good (recorded as handled, kept as discarded)',
        params: ServiceParams,
        body: Type.Object({ ids: Ids }, { additionalProperties: false }),
        response: { 200: Type.Object({ discarded: Type.Array(Type.Integer()) }, { additionalProperties: false }) },
      },
    },
    async (req) => client(req.params.service).json('POST', '/ops/dead-letters/discard', { body: req.body }),
  );
}

/** The edge's refusal as the chassis's error, with its headers (Retry-After, WWW-Authenticate). */
function refusalError(r: Refusal): Error {
  if (r.status === 429) return new TooManyRequests(Number(r.headers?.['retry-after'] ?? 1), r.detail);
  if (r.status === 401) return new Unauthorized(r.detail, String(r.headers?.['www-authenticate'] ?? 'Bearer realm="mercato"'));
  return new UpstreamError(503, r.code, r.detail);
}
