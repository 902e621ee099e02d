import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * A secret kept in the service's data folder: read if there, else made once and written with mode
 * 0600 (a folder of 0700), so every restart uses the same one. Two processes starting together
 * settle on the first one written.
 */
export async function ensureSecretFile(dir: string, name: string, make: () => string): Promise<string> {
  const file = join(dir, name);
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const value = make();
  try {
    await writeFile(file, `${value}\n`, { mode: 0o600, flag: 'wx' });
    return value;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return (await readFile(file, 'utf8')).trim();
    throw err;
  }
}

export const randomSecret = () => randomBytes(32).toString('base64url');
