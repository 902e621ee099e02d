import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigError } from '@mercato/chassis';
import { decodeKeyEncryptionKey } from './key-encryption.js';

export const KEK_FILE_NAME = 'key-encryption-key';

/**
 * The key that encrypts the signing keys at rest. AUTH_KEY_ENCRYPTION_KEY when set (required in
 * the distributed mode); in the embedded mode (in-process bus) one is generated on the first
 * start and kept in `<keyDir>/key-encryption-key`, mode 0600.
 */
export async function loadKeyEncryptionKey(opts: {
  configured: string | undefined;
  keyDir: string;
  embedded: boolean;
  /** false for tools that must open existing keys, never make a new one (default true). */
  create?: boolean;
}): Promise<{ key: Buffer; file: string | undefined }> {
  if (opts.configured) return { key: decodeKeyEncryptionKey(opts.configured), file: undefined };
  if (!opts.embedded) {
    throw new ConfigError(
      'Configuration error: AUTH_KEY_ENCRYPTION_KEY is missing; expected 32 random bytes in base64url (required when BUS_URL is not memory://)',
    );
  }
  const file = join(opts.keyDir, KEK_FILE_NAME);
  try {
    return { key: decodeKeyEncryptionKey((await readFile(file, 'utf8')).trim()), file };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    if (opts.create === false) {
      throw new ConfigError(`Configuration error: AUTH_KEY_ENCRYPTION_KEY is missing and there is no key file at ${file}; set AUTH_KEY_ENCRYPTION_KEY or AUTH_KEY_DIR`);
    }
  }
  await mkdir(opts.keyDir, { recursive: true, mode: 0o700 });
  const value = randomBytes(32).toString('base64url');
  try {
    await writeFile(file, `${value}\n`, { mode: 0o600, flag: 'wx' });
    await chmod(file, 0o600); // the umask may have narrowed it further, never widened: make it exact
  } catch (err) {
    // Another process wrote it first: use theirs.
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return { key: decodeKeyEncryptionKey((await readFile(file, 'utf8')).trim()), file };
    throw err;
  }
  return { key: decodeKeyEncryptionKey(value), file };
}
