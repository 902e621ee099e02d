// `npm start`: the platform from its compiled JavaScript, which starts in about half the time of
// the TypeScript sources through their loader (measured in bench/README.md). The build (`tsc -b`,
// incremental) is made on the first start and again on the first start after a source changed;
// whether one changed is told by the names, sizes and times of the sources (a few milliseconds).
// Should the build fail, or TypeScript be missing (a production install), the sources run
// instead, through the loader, and the reason is told. `npm run dev` and the `start:*` scripts
// always run the sources.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BUILD_CONFIG = join(ROOT, 'tsconfig.build.json');
const ENTRY = join(ROOT, 'apps/platform/dist/main.js');
const STAMP = join(ROOT, 'apps/platform/dist/.sources');
const LOCK = join(ROOT, 'apps/platform/dist/.building');

/** The projects of the build (tsconfig.build.json's references), as folders. */
function projects() {
  const config = JSON.parse(readFileSync(BUILD_CONFIG, 'utf8'));
  return config.references.map((r) => join(ROOT, r.path));
}

/** Name, size and time of every source, package manifest and compiler setting of the build. */
function sourcesFingerprint() {
  const hash = createHash('sha256');
  const add = (file) => {
    const s = statSync(file, { throwIfNoEntry: false });
    if (s) hash.update(`${relative(ROOT, file)}\0${s.size}\0${s.mtimeMs}\n`);
  };
  const walk = (dir) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path);
      else add(path);
    }
  };
  add(BUILD_CONFIG);
  add(join(ROOT, 'tsconfig.base.json'));
  add(join(ROOT, 'package-lock.json'));
  for (const dir of projects()) {
    add(join(dir, 'package.json'));
    add(join(dir, 'tsconfig.json'));
    walk(join(dir, 'src'));
  }
  return hash.digest('hex');
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
};

/** One build at a time: a second start waits for the first's, then finds the build up to date. */
async function withBuildLock(fn) {
  mkdirSync(join(ROOT, 'apps/platform/dist'), { recursive: true });
  for (const until = Date.now() + 10 * 60_000; ; ) {
    try {
      closeSync(openSync(LOCK, 'wx'));
      writeFileSync(LOCK, String(process.pid));
      break;
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
      const holder = Number(readFileSync(LOCK, 'utf8').trim() || '0');
      // Left by a start that died while building (or still being written: give it a moment).
      if (holder > 0 && !alive(holder)) rmSync(LOCK, { force: true });
      else if (Date.now() > until) throw new Error(`another start has been building for 10 minutes (${LOCK})`);
      else await sleep(250);
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(LOCK, { force: true });
  }
}

/** Builds unless the last build was made from these very sources; false when it cannot build. */
async function ensureBuild() {
  let tsc;
  try {
    tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  } catch {
    return { ok: false, why: 'TypeScript is not installed (a production install)' };
  }
  // The fingerprint is taken before building: a source changed while tsc runs makes the next
  // start build again.
  const fresh = (fingerprint) => {
    try {
      return existsSync(ENTRY) && readFileSync(STAMP, 'utf8').trim() === fingerprint;
    } catch {
      return false; // No stamp yet: build.
    }
  };
  if (fresh(sourcesFingerprint())) return { ok: true };
  return withBuildLock(async () => {
    // Another start may have built while this one waited for the lock.
    const fingerprint = sourcesFingerprint();
    if (fresh(fingerprint)) return { ok: true };
    const began = Date.now();
    process.stdout.write('mercato: compiling the platform (on the first start, and again after its sources change)…\n');
    const r = spawnSync(process.execPath, [tsc, '-b', BUILD_CONFIG], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
    if (r.status !== 0) return { ok: false, why: `the build failed:\n${`${r.stdout ?? ''}${r.stderr ?? ''}`.trim().slice(-4000)}` };
    writeFileSync(STAMP, `${fingerprint}\n`);
    process.stdout.write(`mercato: compiled in ${((Date.now() - began) / 1000).toFixed(1)} s\n`);
    return { ok: true };
  });
}

const build = await ensureBuild();
if (build.ok) {
  await import(pathToFileURL(ENTRY).href);
} else {
  process.stderr.write(`mercato: running the TypeScript sources, because ${build.why}\n`);
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', join(ROOT, 'apps/platform/src/main.ts'), ...process.argv.slice(2)], {
    cwd: process.cwd(),
    stdio: 'inherit',
  });
  // A terminal's Ctrl-C reaches both processes (one group): passing it on would be a second one,
  // which stops the platform at once. A process manager signals this process alone: passed on.
  process.on('SIGINT', () => undefined);
  for (const signal of ['SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 : 1)));
}
