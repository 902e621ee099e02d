import { rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  createLogger,
  loadServiceSettings,
  MemoryBus,
  startService,
  type Logger,
  type RunningService,
  type ServiceModule,
} from '@mercato/chassis';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '@mercato/embedded-pg';
import { loadGatewaySettings, startGateway } from '@mercato/gateway';
import { dataRoot, ensureEmbeddedAdmin, ensureMailboxToken, ensureOpsToken, postgresDir, type EmbeddedAdmin, type OpsToken } from './paths.js';
import { databaseName, envPrefix, SERVICES } from './services.js';
import { ensureWebBuild, isDev, startWeb, type RunningWeb } from './web.js';

/** What the launcher prints and writes to MERCATO_READY_FILE once everything is up. */
export interface PlatformUrls {
  gateway: string;
  /** The web app's own address (the shop is at the gateway's), or null when it is off (MERCATO_WEB=false). */
  web: string | null;
  docs: string;
  openapi: string;
  services: Record<string, string>;
  postgres: { port: number; pid: number; dataDir: string };
  opsTokenFile: string | null;
  /** Who signs in to the back office: ADMIN_EMAIL's account, or the one made on the first start with its password in a file. */
  admin: { email: string; passwordFile: string | null } | null;
  /** The development mailbox page (emails are kept locally when SMTP_URL is not set), with its token; null with SMTP. */
  mailbox: string | null;
  pid: number;
  startedInMs: number;
}

export interface Platform {
  urls: PlatformUrls;
  logger: Logger;
  /** Gateway and services stop taking requests, drain, stop their work, close; PostgreSQL last. */
  stop(): Promise<void>;
}

export interface PlatformOptions {
  env: NodeJS.ProcessEnv;
  /** Called if the embedded PostgreSQL dies under the running platform. */
  onDatabaseLost?: () => void;
  /** Called if the web app's process dies under the running platform. */
  onWebLost?: (code: number | null) => void;
  /** Progress lines (the web app's build). */
  say?: (line: string) => void;
}

type Gateway = Awaited<ReturnType<typeof startGateway>>;

/** Turns "listen EADDRINUSE" into the variable to change. */
function explainStartError(name: string, err: unknown): unknown {
  const e = err as NodeJS.ErrnoException & { port?: number };
  if (e?.code === 'EADDRINUSE') {
    return new Error(`${name} cannot listen: port ${e.port ?? ''} is already in use; set ${envPrefix(name)}_PORT to a free port (0 picks one)`);
  }
  return err;
}

async function startAll(
  mods: readonly ServiceModule[],
  envOf: (mod: ServiceModule) => NodeJS.ProcessEnv,
  bus: MemoryBus,
  peers?: ReadonlyMap<string, string>,
): Promise<RunningService[]> {
  // Concurrently: each waits mostly on its own database (migrations), so the start is as slow
  // as the slowest service, not their sum.
  const results = await Promise.allSettled(mods.map((mod) => startService(mod, { env: envOf(mod), bus, peers })));
  const started = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const failed = results.findIndex((r) => r.status === 'rejected');
  if (failed !== -1) {
    await Promise.allSettled(started.map((s) => s.stop()));
    throw explainStartError(mods[failed]!.name, (results[failed] as PromiseRejectedResult).reason);
  }
  return started;
}

/**
 * The embedded mode: one PostgreSQL server (a database per service), one in-process bus, every
 * service on its own port, then the gateway in front of them.
 */
export async function startPlatform(opts: PlatformOptions): Promise<Platform> {
  const began = Date.now();
  const env: NodeJS.ProcessEnv = { ...opts.env, LOG_LEVEL: opts.env.LOG_LEVEL || 'warn' };
  const logger = createLogger({ service: 'platform', level: env.LOG_LEVEL });

  // Every service's variables are checked before anything slow starts: a bad one fails in
  // milliseconds with its name, not after PostgreSQL came up.
  let pools = 0;
  for (const mod of SERVICES) {
    pools += loadServiceSettings(mod.name, { ...env, [`${envPrefix(mod.name)}_DATABASE_URL`]: 'postgres://127.0.0.1/check' }).dbPoolMax;
  }
  // The launcher gives the gateway every service's URL (the ports bound), so none is required here.
  loadGatewaySettings(env, {});

  // The web app: built if its sources changed, then started while PostgreSQL and the services start.
  const webWanted = !/^(false|0|off|no)$/i.test(env.MERCATO_WEB ?? '');
  if (webWanted && !isDev(env)) await ensureWebBuild(opts.say ?? ((line) => logger.info(line)));
  const webStarting: Promise<RunningWeb> | undefined = webWanted ? startWeb(env, (code) => opts.onWebLost?.(code)) : undefined;
  // Not awaited yet: a failure is taken when the gateway needs the web app's address.
  webStarting?.catch(() => undefined);
  let web: RunningWeb | undefined;

  let ops: OpsToken;
  let admin: EmbeddedAdmin | undefined;
  try {
    ops = await ensureOpsToken(env);
    admin = await ensureEmbeddedAdmin(env);
  } catch (err) {
    await webStarting?.then((w) => w.stop()).catch(() => undefined);
    throw err;
  }
  const mailboxToken = env.SMTP_URL ? undefined : (await ensureMailboxToken(env)).token;
  const pg: EmbeddedPostgres = await startEmbeddedPostgres({
    dataDir: postgresDir(env),
    env,
    // Every pool full at once, plus room for the operator CLI and psql.
    maxConnections: Math.max(100, pools + 10),
    logger: createLogger({ service: 'postgres', level: env.LOG_LEVEL }),
    onUnexpectedExit: () => opts.onDatabaseLost?.(),
  }).catch(async (err: unknown) => {
    await webStarting?.then((w) => w.stop()).catch(() => undefined);
    throw err;
  });

  const publicUrl = `http://127.0.0.1:${/^[1-9]\d*$/.test(env.GATEWAY_PORT ?? '') ? env.GATEWAY_PORT : 8080}`;
  const demoData = /^(false|0|off|no)$/i.test(env.MERCATO_DEMO_DATA ?? '') ? 'false' : 'true';
  const bus = new MemoryBus();
  // Each service's URL once it listens: how services reach each other over internal REST.
  const peers = new Map<string, string>();
  let services: RunningService[] = [];
  let gateway: Gateway | undefined;
  try {
    const urls = new Map(await Promise.all(SERVICES.map(async (mod) => [mod.name, await pg.ensureDatabase(databaseName(mod.name))] as const)));
    logger.info({ ms: Date.now() - began }, 'databases ready');
    await bus.start();
    const envOf = (mod: ServiceModule, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
      ...env,
      [`${envPrefix(mod.name)}_DATABASE_URL`]: urls.get(mod.name),
      OPS_TOKEN: ops.token,
      // Files the services keep in the embedded mode live in the data folder, wherever it is.
      AUTH_KEY_DIR: env.AUTH_KEY_DIR || join(dataRoot(env), 'auth'),
      NOTIFICATION_MAILBOX_DIR: env.NOTIFICATION_MAILBOX_DIR || join(dataRoot(env), 'mailbox'),
      NOTIFICATION_DATA_DIR: env.NOTIFICATION_DATA_DIR || join(dataRoot(env), 'notification'),
      NOTIFICATION_TEMPLATES_DIR: env.NOTIFICATION_TEMPLATES_DIR || join(dataRoot(env), 'templates'),
      ...(mailboxToken ? { NOTIFICATION_MAILBOX_TOKEN: mailboxToken } : {}),
      CATALOG_MEDIA_DIR: env.CATALOG_MEDIA_DIR || join(dataRoot(env), 'media'),
      // Links in emails (order pages, password resets) and payment steps lead to this shop's gateway.
      NOTIFICATION_PUBLIC_URL: env.NOTIFICATION_PUBLIC_URL || publicUrl,
      PAYMENT_PUBLIC_URL: env.PAYMENT_PUBLIC_URL || publicUrl,
      // The demo shop (catalog and its stock) is seeded on the first start unless turned off.
      CATALOG_DEMO_DATA: env.CATALOG_DEMO_DATA || demoData,
      INVENTORY_DEMO_STOCK: env.INVENTORY_DEMO_STOCK || demoData,
      REVIEW_DEMO_DATA: env.REVIEW_DEMO_DATA || demoData,
      ...extra,
    });
    // Auth first: the others verify access tokens against the keys it publishes, at its address.
    const [authMod, ...others] = [...SERVICES].sort((a, b) => Number(b.name === 'auth') - Number(a.name === 'auth'));
    // With the administrator it makes sure of (the back office needs one from the first start).
    services = await startAll([authMod!], (mod) => envOf(mod, admin ? { ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password } : {}), bus);
    const jwksUrl = env.AUTH_JWKS_URL || `${services[0]!.url}/.well-known/jwks.json`;
    services.push(...(await startAll(others, (mod) => envOf(mod, { AUTH_JWKS_URL: jwksUrl }), bus, peers)));
    for (const s of services) peers.set(s.name, s.url);
    logger.info({ ms: Date.now() - began }, 'services started');
    // Publishing waits for this: every service has subscribed, so no event misses a consumer.
    bus.open();
    const upstreams = Object.fromEntries(services.map((s) => [s.name, s.url]));
    if (webStarting) {
      try {
        web = await webStarting;
      } catch (err) {
        throw explainStartError('web', err);
      }
    }
    try {
      // The gateway's admin operations API calls each service's /ops routes with the same token.
      gateway = await startGateway({
        env: { ...env, OPS_TOKEN: ops.token },
        upstreams,
        // The catalog tells the gateway's edge cache of every committed change, in this process.
        catalogChanges: services.find((s) => s.name === 'catalog')?.changes,
        reviewChanges: services.find((s) => s.name === 'review')?.changes,
        ...(web ? { web: { url: web.url, frontendKey: web.frontendKey, ...(isDev(env) ? { timeoutMs: 180_000 } : {}) } } : {}),
      });
    } catch (err) {
      throw explainStartError('gateway', err);
    }
    web?.setApiUrl(gateway.url);
  } catch (err) {
    await webStarting?.then((w) => w.stop()).catch(() => undefined);
    await Promise.allSettled(services.map((s) => s.stop()));
    await bus.close().catch(() => undefined);
    await pg.stop();
    throw err;
  }

  const gw = gateway;
  const result: PlatformUrls = {
    gateway: gw.url,
    web: web?.url ?? null,
    docs: `${gw.url}/docs`,
    openapi: `${gw.url}/api/v1/openapi.json`,
    services: Object.fromEntries(services.map((s) => [s.name, s.url])),
    postgres: { port: pg.port, pid: pg.pid, dataDir: pg.dataDir },
    opsTokenFile: ops.file ?? null,
    admin: admin ? { email: admin.email, passwordFile: admin.passwordFile ?? null } : null,
    mailbox: null,
    pid: process.pid,
    startedInMs: Date.now() - began,
  };

  const readyFile = env.MERCATO_READY_FILE;
  if (readyFile) {
    // The ready file lists addresses, not secrets: the mailbox URL (with its token) is only printed.
    await writeFile(`${readyFile}.tmp`, `${JSON.stringify(result, null, 2)}\n`);
    await rename(`${readyFile}.tmp`, readyFile);
  }

  let stopping: Promise<void> | undefined;
  const step = async (what: string, work: Promise<unknown>) => {
    try {
      await work;
    } catch (err) {
      logger.error({ err }, `shutdown: ${what} failed`);
    }
  };
  const notification = services.find((svc) => svc.name === 'notification');
  return {
    urls: { ...result, mailbox: mailboxToken && notification ? `${notification.url}/notifications/dev/mailbox?token=${encodeURIComponent(mailboxToken)}` : null },
    logger,
    stop() {
      stopping ??= (async () => {
        // 1. No new requests; in-flight ones finish (the gateway first: it feeds the services).
        await step('closing the gateway', gw.closeHttp());
        if (web) await step('stopping the web app', web.stop());
        await step('closing the services', Promise.all(services.map((s) => s.closeHttp())));
        // 2. No new deliveries; the ones in flight are recorded.
        await step('stopping the bus', bus.stopConsuming());
        // 3. Relays, retry workers and jobs stop.
        await step('stopping background work', Promise.all(services.map((s) => s.stopWork())));
        // 4. Pools and the rest; the database last.
        await step('closing resources', Promise.all(services.map((s) => s.closeResources())));
        await step('stopping the gateway', gw.stop());
        await step('closing the bus', bus.close());
        await step('stopping PostgreSQL', pg.stop());
        if (readyFile) await rm(readyFile, { force: true });
      })();
      return stopping;
    },
  };
}
