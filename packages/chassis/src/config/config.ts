import { createAjv } from '@mercato/contracts';
import { Type, type Static, type TObject, type TProperties } from '@sinclair/typebox';

/** Start-up fails with exactly one line that names the variable and what it expected. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

const ajv = createAjv({ coerceTypes: true, useDefaults: true });
const compiled = new WeakMap<TObject, ReturnType<typeof ajv.compile>>();

/**
 * Reads the variables named by `schema` from `env`, coerces and validates them, applies
 * defaults, and returns a typed object. Unknown variables are ignored (the environment is shared).
 */
export function loadConfig<T extends TObject>(schema: T, env: NodeJS.ProcessEnv = process.env): Static<T> {
  const picked: Record<string, unknown> = {};
  for (const key of Object.keys(schema.properties)) {
    const raw = env[key];
    if (raw !== undefined && raw !== '') picked[key] = raw;
  }
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  if (!validate(picked)) {
    const err = validate.errors![0]!;
    let name = err.instancePath.replace(/^\//, '').split('/')[0] ?? '';
    if (err.keyword === 'required') name = String(err.params.missingProperty);
    const prop = (schema.properties as TProperties)[name] as { description?: string } | undefined;
    const expected = prop?.description ?? err.message ?? 'a valid value';
    const got = env[name];
    const what = got === undefined || got === '' ? 'is missing' : `is invalid (got ${JSON.stringify(got.length > 60 ? `${got.slice(0, 60)}…` : got)})`;
    throw new ConfigError(`Configuration error: ${name} ${what}; expected ${expected}`);
  }
  return picked as Static<T>;
}

export const SERVICE_NAMES = ['gateway', 'auth', 'user', 'catalog', 'inventory', 'order', 'payment', 'review', 'notification'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

export const DEFAULT_PORTS: Record<ServiceName, number> = {
  gateway: 8080,
  auth: 8081,
  user: 8082,
  catalog: 8083,
  inventory: 8084,
  order: 8085,
  payment: 8086,
  review: 8087,
  notification: 8088,
};

const int = (description: string, min: number, max: number, dflt: number) =>
  Type.Integer({ minimum: min, maximum: max, default: dflt, description: `${description}: an integer from ${min} to ${max}` });

const ownSchemas = new Map<string, ReturnType<typeof buildOwnSchema>>();

/**
 * The variables every service reads: its own (`<SVC>_PORT`, `<SVC>_HOST`, `<SVC>_DATABASE_URL`,
 * `<SVC>` the service name in upper case) and the shared ones. Two schemas, so that the shared
 * part is compiled once per process, not once per service (the embedded mode runs nine).
 */
export function serviceConfigSchemas(service: ServiceName, opts: { database: boolean }) {
  const key = `${service}:${opts.database}`;
  let own = ownSchemas.get(key);
  if (!own) {
    own = buildOwnSchema(service, opts);
    ownSchemas.set(key, own);
  }
  return { own, shared: sharedServiceSchema };
}

function buildOwnSchema(service: ServiceName, opts: { database: boolean }) {
  const P = service.toUpperCase();
  const database = opts.database
    ? {
        [`${P}_DATABASE_URL`]: Type.String({
          pattern: '^postgres(ql)?://',
          maxLength: 2048,
          description: `a postgres:// URL of this service's own database (the launcher sets it in the embedded mode)`,
        }),
      }
    : {};
  return Type.Object(
    {
      [`${P}_PORT`]: int('the HTTP port', 0, 65535, DEFAULT_PORTS[service]),
      [`${P}_HOST`]: Type.String({ maxLength: 255, default: '127.0.0.1', description: 'an interface address to listen on, e.g. 0.0.0.0' }),
      ...database,
    },
    { additionalProperties: true },
  );
}

const sharedServiceSchema = Type.Object(
  {
    BUS_URL: Type.String({
      pattern: '^(memory|amqp|amqps)://',
      maxLength: 2048,
      default: 'memory://',
      description: 'memory:// (in-process) or an amqp:// RabbitMQ URL',
    }),
    BUS_NAMESPACE: Type.String({
      pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$',
      maxLength: 100,
      default: 'mercato',
      description: 'the prefix of the broker exchange and queue names (letters, digits, . _ -), so that several shops can share one broker',
    }),
    REDIS_URL: Type.Optional(Type.String({ pattern: '^rediss?://', maxLength: 2048, description: 'a redis:// URL' })),
    LOG_LEVEL: Type.Union(
      ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)),
      { default: 'info', description: 'one of fatal, error, warn, info, debug, trace, silent' },
    ),
    DB_POOL_MAX: int('connections per service pool', 1, 200, 10),
    DB_STATEMENT_TIMEOUT_MS: int('the statement timeout in ms', 0, 3_600_000, 15_000),
    HTTP_BODY_LIMIT_BYTES: int('the largest request body in bytes', 1024, 50 * 1024 * 1024, 1024 * 1024),
    HTTP_REQUEST_TIMEOUT_MS: int('the time to receive a request in ms', 1000, 600_000, 30_000),
    SHUTDOWN_TIMEOUT_MS: int('the graceful shutdown limit in ms', 100, 600_000, 15_000),
    BUS_PREFETCH: int('messages in flight per consumer', 1, 1000, 256),
    EVENT_MAX_ATTEMPTS: int('handling attempts before an event is dead-lettered', 1, 100, 8),
    EVENT_RETRY_BASE_MS: int('the first retry delay in ms', 1, 3_600_000, 1_000),
    EVENT_RETRY_MAX_MS: int('the longest retry delay in ms', 1, 86_400_000, 300_000),
    OUTBOX_POLL_MS: int('the outbox relay poll interval in ms (a commit in the same process wakes it at once)', 10, 60_000, 1_000),
    OUTBOX_BATCH: int('events per relay batch', 1, 5_000, 500),
    TRUST_PROXY: Type.String({
      maxLength: 1024,
      pattern: '^[0-9A-Za-z.:/, ]+$',
      default: 'loopback',
      description: 'the proxies (the gateway) whose X-Forwarded-For names the client: addresses, CIDRs or loopback, comma-separated',
    }),
    OPS_TOKEN: Type.Optional(
      Type.String({ minLength: 24, maxLength: 256, description: 'a bearer token of at least 24 characters for the /ops endpoints' }),
    ),
  },
  { additionalProperties: true },
);

/** The common settings of a service, with the `<SVC>_` prefix taken off. */
export interface ServiceSettings {
  service: ServiceName;
  port: number;
  host: string;
  databaseUrl: string | undefined;
  busUrl: string;
  busNamespace: string;
  redisUrl: string | undefined;
  logLevel: string;
  dbPoolMax: number;
  dbStatementTimeoutMs: number;
  httpBodyLimitBytes: number;
  httpRequestTimeoutMs: number;
  shutdownTimeoutMs: number;
  busPrefetch: number;
  eventMaxAttempts: number;
  eventRetryBaseMs: number;
  eventRetryMaxMs: number;
  outboxPollMs: number;
  outboxBatch: number;
  opsToken: string | undefined;
  trustProxy: string;
}

export function loadServiceSettings(
  service: ServiceName,
  env: NodeJS.ProcessEnv = process.env,
  opts: { database: boolean } = { database: true },
): ServiceSettings {
  const schemas = serviceConfigSchemas(service, opts);
  const c = { ...loadConfig(schemas.own, env), ...loadConfig(schemas.shared, env) } as Record<string, unknown>;
  const P = service.toUpperCase();
  return {
    service,
    port: c[`${P}_PORT`] as number,
    host: c[`${P}_HOST`] as string,
    databaseUrl: c[`${P}_DATABASE_URL`] as string | undefined,
    busUrl: c.BUS_URL as string,
    busNamespace: c.BUS_NAMESPACE as string,
    redisUrl: c.REDIS_URL as string | undefined,
    logLevel: c.LOG_LEVEL as string,
    dbPoolMax: c.DB_POOL_MAX as number,
    dbStatementTimeoutMs: c.DB_STATEMENT_TIMEOUT_MS as number,
    httpBodyLimitBytes: c.HTTP_BODY_LIMIT_BYTES as number,
    httpRequestTimeoutMs: c.HTTP_REQUEST_TIMEOUT_MS as number,
    shutdownTimeoutMs: c.SHUTDOWN_TIMEOUT_MS as number,
    busPrefetch: c.BUS_PREFETCH as number,
    eventMaxAttempts: c.EVENT_MAX_ATTEMPTS as number,
    eventRetryBaseMs: c.EVENT_RETRY_BASE_MS as number,
    eventRetryMaxMs: c.EVENT_RETRY_MAX_MS as number,
    outboxPollMs: c.OUTBOX_POLL_MS as number,
    outboxBatch: c.OUTBOX_BATCH as number,
    opsToken: c.OPS_TOKEN as string | undefined,
    trustProxy: c.TRUST_PROXY as string,
  };
}
