import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository (or installation) root: apps/platform/src/../../.. */
export const ROOT_DIR = fileURLToPath(new URL('../../../', import.meta.url));

/** Where the embedded mode keeps its state: MERCATO_DATA_DIR, else ./data under the root. */
export function dataRoot(env: NodeJS.ProcessEnv): string {
  return resolve(ROOT_DIR, env.MERCATO_DATA_DIR || 'data');
}

/** The embedded PostgreSQL cluster. */
export function postgresDir(env: NodeJS.ProcessEnv): string {
  return join(dataRoot(env), 'postgres');
}

export function opsTokenFile(env: NodeJS.ProcessEnv): string {
  return join(dataRoot(env), 'ops-token');
}

export interface OpsToken {
  token: string;
  /** The file it is kept in, or undefined when it came from OPS_TOKEN. */
  file: string | undefined;
  created: boolean;
}

/**
 * A secret token from the environment variable `envVar` when set, else one generated on the
 * first start and kept (mode 0600) in `file` of the data folder.
 */
async function ensureTokenFile(env: NodeJS.ProcessEnv, envVar: string, file: string): Promise<OpsToken> {
  const given = env[envVar];
  if (given) return { token: given, file: undefined, created: false };
  return keptSecret(env, file);
}

/** A secret generated on the first start and kept (mode 0600) in `file` of the data folder; read back after. */
async function keptSecret(env: NodeJS.ProcessEnv, file: string): Promise<OpsToken> {
  try {
    return { token: (await readFile(file, 'utf8')).trim(), file, created: false };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  await mkdir(dataRoot(env), { recursive: true });
  const token = randomBytes(32).toString('base64url');
  try {
    await writeFile(file, `${token}\n`, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    // Another start wrote it first: use theirs.
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return { token: (await readFile(file, 'utf8')).trim(), file, created: false };
    throw err;
  }
  return { token, file, created: true };
}

/**
 * The operator token that turns on each service's /ops endpoints: OPS_TOKEN when set, else one
 * generated on the first start and kept (mode 0600) in the data folder.
 */
export function ensureOpsToken(env: NodeJS.ProcessEnv): Promise<OpsToken> {
  return ensureTokenFile(env, 'OPS_TOKEN', opsTokenFile(env));
}

/** The token that opens the development mailbox pages: NOTIFICATION_MAILBOX_TOKEN, else kept in the data folder. */
export function ensureMailboxToken(env: NodeJS.ProcessEnv): Promise<OpsToken> {
  return ensureTokenFile(env, 'NOTIFICATION_MAILBOX_TOKEN', join(dataRoot(env), 'mailbox-token'));
}

/** The administrator the embedded mode makes sure of, and where its password is kept. */
export interface EmbeddedAdmin {
  email: string;
  password: string;
  /** The file holding the generated password, or undefined when ADMIN_EMAIL/ADMIN_PASSWORD gave it. */
  passwordFile: string | undefined;
}

/** The email of the administrator made on the first embedded start when ADMIN_EMAIL is not set. */
export const DEFAULT_ADMIN_EMAIL = 'admin@example.com';

/**
 * The back office needs an administrator from the first start: ADMIN_EMAIL/ADMIN_PASSWORD when
 * either is set (the auth service checks that both are), else `admin@example.com` with a password
 * generated on the first start and kept (mode 0600) in the data folder's `admin-password`.
 */
export async function ensureEmbeddedAdmin(env: NodeJS.ProcessEnv): Promise<EmbeddedAdmin | undefined> {
  if (env.ADMIN_EMAIL || env.ADMIN_PASSWORD) return env.ADMIN_EMAIL && env.ADMIN_PASSWORD ? { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD, passwordFile: undefined } : undefined;
  const kept = await keptSecret(env, join(dataRoot(env), 'admin-password'));
  return { email: DEFAULT_ADMIN_EMAIL, password: kept.token, passwordFile: kept.file };
}
