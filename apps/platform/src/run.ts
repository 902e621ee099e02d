import { join, relative } from 'node:path';
import { ConfigError, logFatal, onParentExit, runMain, startService, stopTracing } from '@mercato/chassis';
import { EmbeddedPostgresError } from '@mercato/embedded-pg';
import { startGateway } from '@mercato/gateway';
import { startPlatform, type Platform } from './embedded.js';
import { ROOT_DIR } from './paths.js';
import { findService, SERVICES } from './services.js';

// `npm start`: the whole platform in this process on an embedded PostgreSQL.
// `npm run start:<name>` (or `--service <name>`): one service or the gateway alone, configured
// by the environment, for the distributed mode. See README.md.

const NAMES = ['gateway', ...SERVICES.map((s) => s.name)];
const say = (line = '') => process.stdout.write(`${line}\n`);
/** A path as short as it can be shown: relative to the working folder when below it. */
const show = (path: string) => {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') ? `./${rel}` : path;
};

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function parseArgs(argv: string[]): { service: string | undefined; help: boolean } {
  let service: string | undefined;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') help = true;
    else if (arg === '--service') {
      service = argv[++i];
      if (!service || service.startsWith('-')) fail(`--service needs a name: one of ${NAMES.join(', ')}`);
    } else if (arg.startsWith('--service=')) service = arg.slice('--service='.length);
    else fail(`unknown argument ${JSON.stringify(arg)}; try --help`);
  }
  return { service, help };
}

function describeError(err: unknown, env: NodeJS.ProcessEnv): string {
  if (err instanceof ConfigError || err instanceof EmbeddedPostgresError) return err.message;
  const e = err instanceof Error ? err : new Error(String(err));
  const verbose = env.LOG_LEVEL === 'debug' || env.LOG_LEVEL === 'trace';
  return verbose ? `mercato could not start: ${e.stack ?? e.message}` : `mercato could not start: ${e.message} (LOG_LEVEL=debug shows more)`;
}

async function distributed(name: string): Promise<void> {
  // No upstreams given: every <SERVICE>_URL is required (nothing defaults to 127.0.0.1 here).
  if (name === 'gateway') return runMain(() => startGateway(), { service: 'gateway' });
  const mod = findService(name);
  if (!mod) fail(`unknown service ${JSON.stringify(name)}: one of ${NAMES.join(', ')}`);
  return runMain(() => startService(mod), { service: name });
}

async function embedded(env: NodeJS.ProcessEnv): Promise<void> {
  let platform: Platform | undefined;
  let stopping = false;
  let exitCode = 0;
  const limitMs = (Number(env.SHUTDOWN_TIMEOUT_MS) || 15_000) + 5_000;

  const shutdown = (why: string, code = 0) => {
    exitCode = Math.max(exitCode, code);
    if (stopping) return;
    stopping = true;
    if (!platform) return; // still starting: stopped as soon as it is up
    say(`${why}; stopping (again to force)…`);
    const limit = setTimeout(() => {
      console.error(`shutdown did not finish within ${limitMs} ms; exiting`);
      process.exit(1);
    }, limitMs);
    limit.unref();
    platform
      .stop()
      .then(() => stopTracing())
      .then(() => {
        say('mercato stopped.');
        process.exit(exitCode);
      })
      .catch((err: unknown) => {
        console.error('shutdown failed:', err);
        process.exit(1);
      });
  };
  const onSignal = (signal: NodeJS.Signals) => {
    // A second signal does not wait: the exit hook still asks PostgreSQL to shut down.
    if (stopping) {
      console.error(`${signal} again; exiting now`);
      process.exit(1);
    }
    shutdown(`${signal} received`);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  // `npm start` killed outright: the platform stops too rather than hold its ports.
  onParentExit(() => shutdown('the process that started mercato is gone'));
  const crash = (what: string) => (err: unknown) => {
    logFatal('mercato', `mercato crashed (${what}): ${err instanceof Error ? err.message : String(err)}`, err);
    process.exit(1);
  };
  process.on('uncaughtException', crash('uncaught exception'));
  process.on('unhandledRejection', crash('unhandled rejection'));

  say('mercato: starting the platform (embedded mode)…');
  try {
    platform = await startPlatform({
      env,
      onDatabaseLost: () => {
        console.error('the embedded PostgreSQL stopped unexpectedly; stopping the platform');
        shutdown('database lost', 1);
      },
      onWebLost: (code) => {
        console.error(`the web app stopped unexpectedly (exit ${code}); stopping the platform`);
        shutdown('web app lost', 1);
      },
      say,
    });
  } catch (err) {
    console.error(describeError(err, env));
    process.exit(1);
  }
  if (stopping) {
    stopping = false;
    shutdown('stop requested during start-up', exitCode);
    return;
  }

  const u = platform.urls;
  const pad = (s: string) => s.padEnd(14);
  say(`mercato is up in ${(u.startedInMs / 1000).toFixed(1)} s`);
  say(`  ${pad('gateway')}${u.gateway}`);
  if (u.web) say(`  ${pad('web')}${u.web}  (served at the gateway's address)`);
  for (const [name, url] of Object.entries(u.services)) say(`  ${pad(name)}${url}`);
  say(`  ${pad('postgres')}127.0.0.1:${u.postgres.port}  (data in ${show(u.postgres.dataDir)})`);
  if (u.web) say(`Open the shop at ${u.gateway}/`);
  say(`Open the API docs at ${u.docs}; the API is under ${u.gateway}/api/v1`);
  if (u.admin) {
    const where = u.web ? `The back office is at ${u.gateway}/admin: sign in` : 'Administrator: sign in';
    say(`${where} as ${u.admin.email}${u.admin.passwordFile ? ` with the password in ${show(u.admin.passwordFile)}` : ' (ADMIN_EMAIL) with ADMIN_PASSWORD'}`);
  }
  if (u.mailbox) say(`Emails stay on this machine (no SMTP_URL): read them at ${u.mailbox}`);
  if (u.opsTokenFile) {
    say(`Operator token (for /ops/dead-letters on each service) in ${show(u.opsTokenFile)}; or: npm run mercato -- dead-letters list --service order`);
  }
  say('Press Ctrl-C to stop.');
}

const args = parseArgs(process.argv.slice(2));
if (args.help) {
  say(`Usage: npm start                 the whole platform on an embedded PostgreSQL (data in ${show(join(ROOT_DIR, 'data'))} or MERCATO_DATA_DIR)
       npm run start:<name>       one service alone (distributed mode): ${NAMES.join(', ')}
Configuration is environment variables; see apps/platform/README.md.`);
} else if (args.service ?? process.env.SERVICE) {
  // SERVICE selects the service in a container (the image sets MERCATO_REQUIRE_SERVICE=1).
  await distributed((args.service ?? process.env.SERVICE)!);
} else if (process.env.MERCATO_REQUIRE_SERVICE === '1') {
  fail(`SERVICE is not set: one of ${NAMES.join(', ')} (this image runs one service per container)`);
} else {
  await embedded(process.env);
}
