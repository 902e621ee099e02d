import { existsSync } from 'node:fs';
import type { BusDriver } from '../bus/bus.js';
import { createBus } from '../bus/create-bus.js';
import { MemoryBus } from '../bus/memory-bus.js';
import { loadServiceSettings, type ServiceName, type ServiceSettings } from '../config/config.js';
import { runWithContext } from '../context.js';
import { isDatabaseUnavailable } from '../db/connection-errors.js';
import { Db } from '../db/db.js';
import { CHASSIS_MIGRATIONS, migrate, type MigrationSet } from '../db/migrate.js';
import { EventConsumer, type ConsumerManifest } from '../events/consumer.js';
import { createOutbox, type Outbox } from '../events/outbox.js';
import { OutboxRelay } from '../events/relay.js';
import { createHttpApp, type FastPath, type HttpApp, type ReadinessCheck } from '../http/create-app.js';
import { createLogger, type Logger } from '../logger.js';
import { registerOpsRoutes } from './ops.routes.js';
import type { ChangeSignal } from './change-signal.js';
import { peerUrls, type PeerName, type PeerUrls } from './peers.js';
import { httpsServerOptions, installTlsForFetch, loadTls, tlsClientOptions, trustedRoots } from '../http/tls.js';
import { registerServiceMetrics, ServiceMetrics } from '../metrics/metrics.js';
import { openMetricsServer } from '../metrics/server.js';
import { consumedCounter, instrumentBus, instrumentEventTables, instrumentHttp, instrumentPool, loadMetricsSettings, publishedCounter } from '../metrics/service-metrics.js';
import { newId } from '@mercato/contracts';
import { childTraceparent } from '../context.js';

/** What the chassis hands a service when it is created. */
export interface ServiceContext {
  settings: ServiceSettings;
  env: NodeJS.ProcessEnv;
  logger: Logger;
  db: Db;
  outbox: Outbox;
  bus: BusDriver;
  /** The base URL of another service, for internal REST calls (ask when calling, not at start). */
  peers: PeerUrls;
  /** This service's Prometheus metrics (served on METRICS_PORT). */
  metrics: ServiceMetrics;
}

export interface Job {
  name: string;
  intervalMs: number;
  run: () => Promise<void>;
}

/** What a service adds to the chassis: its routes, its subscription manifest, its jobs. */
export interface ServiceParts {
  routes?: (app: HttpApp) => Promise<void> | void;
  consumers?: ConsumerManifest;
  jobs?: Job[];
  readiness?: ReadinessCheck[];
  onClose?: () => Promise<void>;
  /** Requests answered ahead of the framework, e.g. cached public reads (see FastPath). */
  fastPath?: FastPath;
  /** Fired once a write has committed that changes what the service serves publicly (an edge cache in the same process purges). */
  changes?: ChangeSignal;
}

export interface ServiceModule {
  name: Exclude<ServiceName, 'gateway'>;
  /** Absolute path of the service's migrations folder. */
  migrations: string;
  title: string;
  /** The services it calls over internal REST (ServiceContext.peers). */
  peers?: readonly PeerName[];
  create: (ctx: ServiceContext) => Promise<ServiceParts>;
}

export interface StartOptions {
  env?: NodeJS.ProcessEnv;
  /** A bus owned by the caller (the embedded launcher shares one); otherwise BUS_URL builds one. */
  bus?: BusDriver;
  logger?: Logger;
  /** Bind the HTTP port (false in route tests that use app.inject). */
  listen?: boolean;
  /** Start the relay, retry worker and jobs (false for tests that drive them by hand). */
  background?: boolean;
  /** The other services' base URLs by name, filled by a launcher once they listen (over `<NAME>_URL`). */
  peers?: ReadonlyMap<string, string>;
}

export interface RunningService {
  name: string;
  settings: ServiceSettings;
  app: HttpApp;
  db: Db;
  bus: BusDriver;
  logger: Logger;
  outbox: Outbox;
  consumer: EventConsumer;
  relay: OutboxRelay;
  /** Base URL once listening. */
  url: string;
  metrics: ServiceMetrics;
  /** `http://…/metrics` when METRICS_PORT is set. */
  metricsUrl: string | undefined;
  /** The service's change signal, when it has one (ServiceParts.changes). */
  changes: ChangeSignal | undefined;
  /** Stops accepting requests and waits for the in-flight ones. */
  closeHttp(): Promise<void>;
  /** Stops the relay, retry worker and jobs (after the bus has stopped delivering). */
  stopWork(): Promise<void>;
  /** Closes the bus (when owned) and the database pool. */
  closeResources(): Promise<void>;
  /** All of the above, in order. */
  stop(): Promise<void>;
}

/** The broker as the readiness body reports it: its connection state, without a round trip. */
async function busCheck(bus: BusDriver): Promise<void> {
  if (!bus.connected) throw new Error('the broker is unreachable; events wait in the outbox and consumers are paused');
}

/**
 * Starts one service on the chassis: settings → logger → database and migrations → bus →
 * routes and consumers → relay, retry worker and jobs → listen.
 */
export async function startService(mod: ServiceModule, opts: StartOptions = {}): Promise<RunningService> {
  const env = opts.env ?? process.env;
  const settings = loadServiceSettings(mod.name, env);
  const metricsSettings = loadMetricsSettings(env);
  const tls = loadTls(env);
  installTlsForFetch(tls);
  const logger = opts.logger ?? createLogger({ service: mod.name, level: settings.logLevel });
  const db = new Db({
    url: settings.databaseUrl!,
    poolMax: settings.dbPoolMax,
    statementTimeoutMs: settings.dbStatementTimeoutMs,
    applicationName: `mercato-${mod.name}`,
    logger,
  });
  const sets: MigrationSet[] = [CHASSIS_MIGRATIONS];
  if (existsSync(mod.migrations)) sets.push({ scope: mod.name, dir: mod.migrations });
  try {
    // A database still starting (or restarting, failing over) is waited for, not a crash; a
    // connection lost mid-migration is tried again (each migration is its own transaction).
    for (let attempt = 1; ; attempt++) {
      await db.waitUntilReachable();
      try {
        await migrate(db, sets, logger);
        break;
      } catch (err) {
        if (!isDatabaseUnavailable(err) || attempt >= 5) throw err;
        logger.warn({ err, attempt }, 'the database went away during migrations; trying again');
      }
    }
  } catch (err) {
    await db.close();
    throw err;
  }

  const ownsBus = !opts.bus;
  const bus = opts.bus ?? createBus(settings.busUrl, logger, settings.busNamespace, { ...tlsClientOptions(tls), ca: trustedRoots(tls) });
  if (ownsBus) await bus.start();
  const outbox = createOutbox(mod.name);
  const metrics = new ServiceMetrics(mod.name);
  instrumentPool(db, metrics, settings.dbPoolMax);
  instrumentEventTables(db, metrics);
  instrumentBus(bus, metrics);
  const peers = peerUrls(env, opts.peers);
  // Running alone (no launcher to say where the others listen): a malformed <NAME>_URL stops the
  // start, and a missing one is said once, with the address used instead.
  if (!opts.peers) {
    for (const name of mod.peers ?? []) {
      const url = peers(name);
      if (!env[`${name.toUpperCase()}_URL`]) logger.warn({ peer: name, url }, `${name.toUpperCase()}_URL is not set: ${mod.name} calls the ${name} service at ${url}`);
    }
  }
  const parts = await mod.create({ settings, env, logger, db, outbox, bus, metrics, peers });

  const app = await createHttpApp({
    service: mod.name,
    logger,
    bodyLimitBytes: settings.httpBodyLimitBytes,
    requestTimeoutMs: settings.httpRequestTimeoutMs,
    trustProxy: settings.trustProxy,
    fastPath: parts.fastPath,
    https: httpsServerOptions(tls),
    openapi: { title: mod.title },
    readiness: [
      { name: 'database', check: () => db.ping() },
      // The API works without the broker (events wait in the outbox): reported, never a 503.
      { name: 'bus', check: () => busCheck(bus), affectsReadiness: false },
      ...(parts.readiness ?? []),
    ],
  });
  instrumentHttp(app, metrics);
  const consumer = new EventConsumer({
    onOutcome: consumedCounter(metrics),
    metrics,
    service: mod.name,
    db,
    logger,
    outbox,
    manifest: parts.consumers ?? {},
    retry: { maxAttempts: settings.eventMaxAttempts, baseMs: settings.eventRetryBaseMs, maxMs: settings.eventRetryMaxMs },
    retryPollMs: Math.min(500, settings.eventRetryBaseMs),
  });
  if (settings.opsToken) registerOpsRoutes(app, db, settings.opsToken, () => consumer.wakeWithin(0));
  await parts.routes?.(app);
  await app.ready();
  if (consumer.types.length > 0) await bus.subscribe(mod.name, consumer.types, consumer.deliver, { prefetch: settings.busPrefetch });
  if (ownsBus && bus instanceof MemoryBus) bus.open();

  const relay = new OutboxRelay({ db, bus, logger, batchSize: settings.outboxBatch, pollMs: settings.outboxPollMs, onPublished: publishedCounter(metrics) });
  const timers: NodeJS.Timeout[] = [];
  const running: Promise<void>[] = [];
  let stopped = false;
  if (opts.background !== false) {
    relay.start();
    consumer.start();
    for (const job of parts.jobs ?? []) {
      const tick = () => {
        if (stopped) return;
        const run = runWithContext({ kind: 'job', requestId: newId('job'), traceparent: childTraceparent() }, () =>
          job.run().catch((err: unknown) => logger.error({ err, job: job.name }, 'job failed')),
        );
        running.push(run);
        void run.finally(() => running.splice(running.indexOf(run), 1));
      };
      timers.push(setInterval(tick, job.intervalMs));
    }
  }

  let url = '';
  const unregister = registerServiceMetrics(metrics);
  let metricsPort: Awaited<ReturnType<typeof openMetricsServer>> | undefined;
  if (opts.listen !== false) {
    url = await app.listen({ port: settings.port, host: settings.host });
    logger.info({ url }, `${mod.name} listening`);
    if (metricsSettings.port !== undefined) {
      metricsPort = await openMetricsServer({ port: metricsSettings.port, host: metricsSettings.host, token: metricsSettings.token });
      logger.info({ url: metricsPort.url }, 'metrics listening');
    }
  }

  const svc: RunningService = {
    name: mod.name,
    settings,
    app,
    db,
    bus,
    logger,
    outbox,
    consumer,
    relay,
    url,
    metrics,
    metricsUrl: metricsPort?.url,
    changes: parts.changes,
    async closeHttp() {
      await app.close();
    },
    async stopWork() {
      stopped = true;
      for (const t of timers) clearInterval(t);
      if (ownsBus) await bus.stopConsuming();
      await Promise.all([consumer.stop(), relay.stop(), ...running]);
    },
    async closeResources() {
      unregister();
      await metricsPort?.release();
      await parts.onClose?.();
      if (ownsBus) await bus.close();
      await db.close();
    },
    async stop() {
      await svc.closeHttp();
      await svc.stopWork();
      await svc.closeResources();
    },
  };
  return svc;
}
