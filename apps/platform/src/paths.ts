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
 * The operator token that turns on each service's /ops endpoints: OPS_TOKEN when set, else one
 * generated on the first start and kept (mode 0600) in the data folder.
 */
export async function ensureOpsToken(env: NodeJS.ProcessEnv): Promise<OpsToken> {
  if (env.OPS_TOKEN) return { token: env.OPS_TOKEN, file: undefined, created: false };
  const file = opsTokenFile(env);
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
