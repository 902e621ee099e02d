import { join, resolve } from 'node:path';
import { Db, discardFailures, getFailure, listFailures, replayFailures, type FailureRecord, type FailureStatus } from '@mercato/chassis';
import { rotateSigningKeys } from '@mercato/auth';
import { findEmbeddedPostgres } from '@mercato/embedded-pg';
import { makeDevCertificates } from './certs.js';
import { dataRoot, postgresDir } from './paths.js';
import { databaseName, envPrefix, findService, SERVICES } from './services.js';

// The operator CLI: `npm run mercato -- <command>`. It talks straight to a service's database,
// so it works whether or not the service's HTTP port is reachable. See README.md.

const USAGE = `Usage: npm run mercato -- <command>

  dead-letters list    --service <name> [--status dead|retrying|resolved|discarded|all] [--limit N] [--cursor ID] [--json]
  dead-letters show    --service <name> <id> [--json]
  dead-letters replay  --service <name> (<id>… | --all) [--json]
  dead-letters discard --service <name> <id>… [--json]
  auth rotate-keys     [--json]   the next signing key signs from now on; a new next key is published

Services: ${SERVICES.map((s) => s.name).join(', ')}
The database is <SERVICE>_DATABASE_URL when set (e.g. ORDER_DATABASE_URL), else the running
embedded PostgreSQL of \`npm start\` (MERCATO_DATA_DIR, default ./data).
certs dev [--dir DIR] makes a local CA and a certificate for every service's name (default
<MERCATO_DATA_DIR>/tls), to try TLS on every hop.
auth rotate-keys opens the signing keys with AUTH_KEY_ENCRYPTION_KEY when set, else the embedded
key file (AUTH_KEY_DIR, default <MERCATO_DATA_DIR>/auth).`;

class UsageError extends Error {}

interface Args {
  positional: string[];
  flags: Map<string, string | true>;
}

const VALUE_FLAGS = new Set(['service', 'status', 'limit', 'cursor', 'dir']);

function parse(argv: string[]): Args {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    if (VALUE_FLAGS.has(name)) {
      const value = eq === -1 ? argv[++i] : arg.slice(eq + 1);
      if (value === undefined || value.startsWith('--')) throw new UsageError(`--${name} needs a value`);
      flags.set(name, value);
    } else if (['json', 'all', 'help'].includes(name)) {
      flags.set(name, true);
    } else {
      throw new UsageError(`unknown option --${name}`);
    }
  }
  return { positional, flags };
}

function flag(args: Args, name: string): string | undefined {
  const v = args.flags.get(name);
  return typeof v === 'string' ? v : undefined;
}

async function connect(service: string, env: NodeJS.ProcessEnv): Promise<{ db: Db; where: string }> {
  const own = env[`${envPrefix(service)}_DATABASE_URL`];
  if (own) return { db: new Db({ url: own, poolMax: 1, applicationName: 'mercato-cli' }), where: `${envPrefix(service)}_DATABASE_URL` };
  const dir = postgresDir(env);
  const server = await findEmbeddedPostgres(dir);
  if (!server) {
    throw new Error(`No embedded PostgreSQL in ${dir}: the platform never ran there. Start it with \`npm start\`, or set ${envPrefix(service)}_DATABASE_URL.`);
  }
  if (!server.running) {
    throw new Error(
      `The embedded PostgreSQL of ${dir} is not running. Start the platform (\`npm start\`) in another terminal first, or set ${envPrefix(service)}_DATABASE_URL.`,
    );
  }
  return {
    db: new Db({ url: server.databaseUrl(databaseName(service)), poolMax: 1, applicationName: 'mercato-cli' }),
    where: `the embedded PostgreSQL on port ${server.port}`,
  };
}

function explainDbError(err: unknown, service: string, where: string): Error {
  const code = (err as { code?: string }).code;
  if (code === '3D000') return new Error(`The ${service} database does not exist on ${where}: the ${service} service never started there.`);
  if (code === '42P01') return new Error(`The ${service} database has no dead-letter table: the ${service} service has not run its migrations yet.`);
  if (code === 'ECONNREFUSED') return new Error(`Cannot connect to ${where} (connection refused). Is it running?`);
  return err instanceof Error ? err : new Error(String(err));
}

function clip(s: string, n: number): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > n ? `${one.slice(0, n - 1)}…` : one;
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r) => r.map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c]!))).join('  ')).join('\n');
}

function printList(items: FailureRecord[], nextCursor: string | null, status: string, service: string): void {
  if (items.length === 0) {
    console.log(`No ${status === 'all' ? '' : `${status} `}events in the ${service} dead-letter store.`);
    return;
  }
  const rows = [['ID', 'STATUS', 'TYPE', 'CONSUMER', 'ATTEMPTS', 'FIRST FAILED', 'UPDATED', 'LAST ERROR']];
  for (const f of items) {
    rows.push([String(f.id), f.status, f.type, f.consumer, String(f.attempts), f.firstFailedAt, f.updatedAt, clip(f.lastError, 60)]);
  }
  console.log(table(rows));
  if (nextCursor) console.log(`(newest first; older ones: --cursor ${nextCursor})`);
}

function printOne(f: FailureRecord): void {
  const rows = [
    ['id', String(f.id)],
    ['status', f.status],
    ['type', f.type],
    ['event id', f.eventId],
    ['consumer', f.consumer],
    ['attempts', String(f.attempts)],
    ['next attempt', f.nextAttemptAt ?? '-'],
    ['first failed', f.firstFailedAt],
    ['updated', f.updatedAt],
    ['last error', f.lastError],
  ];
  console.log(table(rows.map(([k, v]) => [`${k}:`, v!])));
  if (f.attemptLog.length > 0) {
    console.log('\nattempts:');
    for (const a of f.attemptLog) console.log(`  ${a.at}  ${clip(a.error, 100)}`);
  }
  console.log('\nenvelope:');
  console.log(JSON.stringify(f.envelope, null, 2));
}

function parseId(raw: string): number {
  if (!/^[1-9][0-9]{0,15}$/.test(raw)) throw new UsageError(`${JSON.stringify(raw)} is not a dead-letter id (a positive integer)`);
  return Number(raw);
}

async function deadLetters(args: Args, env: NodeJS.ProcessEnv): Promise<number> {
  const [, action, ...rest] = args.positional;
  const service = flag(args, 'service');
  if (!action || !['list', 'show', 'replay', 'discard'].includes(action)) throw new UsageError('dead-letters needs an action: list, show, replay or discard');
  if (!service) throw new UsageError(`--service is required: one of ${SERVICES.map((s) => s.name).join(', ')}`);
  if (!findService(service)) throw new UsageError(`unknown service ${JSON.stringify(service)}: one of ${SERVICES.map((s) => s.name).join(', ')}`);
  const json = args.flags.has('json');

  let plan: (db: Db) => Promise<number>;
  if (action === 'list') {
    const status = flag(args, 'status') ?? 'dead';
    if (!['dead', 'retrying', 'resolved', 'discarded', 'all'].includes(status)) throw new UsageError('--status is one of dead, retrying, resolved, discarded, all');
    const limitRaw = flag(args, 'limit') ?? '50';
    const limit = Number(limitRaw);
    if (!/^\d+$/.test(limitRaw) || limit < 1 || limit > 100) throw new UsageError('--limit is an integer from 1 to 100');
    const cursorRaw = flag(args, 'cursor');
    const cursor = cursorRaw === undefined ? undefined : parseId(cursorRaw);
    if (rest.length > 0) throw new UsageError(`unexpected ${rest.join(' ')}`);
    plan = async (db) => {
      const page = await listFailures(db, { status: status === 'all' ? undefined : (status as FailureStatus), limit, cursor });
      if (json) console.log(JSON.stringify(page, null, 2));
      else printList(page.items, page.nextCursor, status, service);
      return 0;
    };
  } else if (action === 'show') {
    if (rest.length !== 1) throw new UsageError('dead-letters show takes one id');
    const id = parseId(rest[0]!);
    plan = async (db) => {
      const found = await getFailure(db, id);
      if (!found) {
        console.error(`No failed event ${id} in the ${service} dead-letter store.`);
        return 1;
      }
      if (json) console.log(JSON.stringify(found, null, 2));
      else printOne(found);
      return 0;
    };
  } else if (action === 'discard') {
    if (rest.length === 0) throw new UsageError('dead-letters discard takes ids');
    const ids = rest.map(parseId);
    plan = async (db) => {
      const discarded = await discardFailures(db, ids);
      const skipped = ids.filter((id) => !discarded.includes(id));
      if (json) console.log(JSON.stringify({ discarded, skipped }, null, 2));
      else {
        console.log(discarded.length === 0 ? 'Nothing discarded.' : `Discarded ${discarded.length} event(s): ${discarded.join(', ')}. They will not be handled.`);
        if (skipped.length > 0) console.log(`Left alone (not dead, or no such id): ${skipped.join(', ')}`);
      }
      return 0;
    };
  } else {
    const all = args.flags.has('all');
    if (all ? rest.length > 0 : rest.length === 0) throw new UsageError('dead-letters replay takes either ids or --all');
    const ids = rest.map(parseId);
    plan = async (db) => {
      const replayed = await replayFailures(db, all ? 'all-dead' : ids);
      const skipped = ids.filter((id) => !replayed.includes(id));
      if (json) {
        console.log(JSON.stringify({ replayed, skipped }, null, 2));
      } else {
        console.log(
          replayed.length === 0
            ? 'Nothing replayed.'
            : `Replayed ${replayed.length} event(s): ${replayed.join(', ')}. The running ${service} service's retry worker delivers them again now.`,
        );
        if (skipped.length > 0) console.log(`Left alone (not dead, or no such id): ${skipped.join(', ')}`);
      }
      return 0;
    };
  }

  const { db, where } = await connect(service, env);
  try {
    return await plan(db);
  } catch (err) {
    throw explainDbError(err, service, where);
  } finally {
    await db.close();
  }
}

async function auth(args: Args, env: NodeJS.ProcessEnv): Promise<number> {
  const [, action, ...rest] = args.positional;
  if (action !== 'rotate-keys') throw new UsageError('auth needs an action: rotate-keys');
  if (rest.length > 0) throw new UsageError(`unexpected ${rest.join(' ')}`);
  if (args.flags.has('service') || args.flags.has('all')) throw new UsageError('auth rotate-keys takes no --service or --all');
  const { db, where } = await connect('auth', env);
  const keyEnv = { ...env, AUTH_KEY_DIR: env.AUTH_KEY_DIR || join(dataRoot(env), 'auth') };
  try {
    const rotation = await rotateSigningKeys(db, keyEnv);
    if (args.flags.has('json')) console.log(JSON.stringify(rotation, null, 2));
    else {
      console.log(`active: ${rotation.activated}`);
      console.log(`next:   ${rotation.next}`);
      if (rotation.retired) console.log(`retired: ${rotation.retired} (still published until its last token expires)`);
      console.log('Running auth instances sign with the new active key within 30 s.');
    }
    return 0;
  } catch (err) {
    throw explainDbError(err, 'auth', where);
  } finally {
    await db.close();
  }
}

/** `certs dev [--dir DIR]`: a local CA and a certificate for every service's name. */
async function certs(args: Args, env: NodeJS.ProcessEnv): Promise<number> {
  if (args.positional[1] !== 'dev') throw new UsageError('certs takes one subcommand: dev');
  const dir = resolve(flag(args, 'dir') ?? join(dataRoot(env), 'tls'));
  const made = await makeDevCertificates(dir);
  console.log(`made a development CA and a certificate for every service in ${made.dir}:
  TLS_CA_FILE=${made.ca}
  TLS_CERT_FILE=${made.cert}
  TLS_KEY_FILE=${made.key}
Set these (and GATEWAY_TLS_CERT_FILE/GATEWAY_TLS_KEY_FILE for the public HTTPS port) to serve TLS on every hop;
for PostgreSQL add ?sslmode=verify-full&sslrootcert=${made.ca} to each database URL. For trying only: not for production.`);
  return 0;
}

async function main(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const args = parse(argv);
  const command = args.positional[0];
  if (!command || command === 'help' || args.flags.has('help')) {
    console.log(USAGE);
    return command || args.flags.has('help') ? 0 : 2;
  }
  if (command === 'dead-letters') return deadLetters(args, env);
  if (command === 'auth') return auth(args, env);
  if (command === 'certs') return certs(args, env);
  throw new UsageError(`unknown command ${JSON.stringify(command)}`);
}

try {
  process.exitCode = await main(process.argv.slice(2), process.env);
} catch (err) {
  if (err instanceof UsageError) {
    console.error(`${err.message}\n\n${USAGE}`);
    process.exitCode = 2;
  } else {
    console.error((err as Error).message);
    process.exitCode = 1;
  }
}
