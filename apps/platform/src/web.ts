import { fork, spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { ROOT_DIR } from './paths.js';

// The web app (apps/web: the storefront, and the back office) in the embedded mode: built once
// and rebuilt only when its sources change, then run as a child process of the launcher (its
// own event loop, so rendering pages never slows the services down), behind the gateway.

export const WEB_DIR = join(ROOT_DIR, 'apps', 'web');
const STAMP = join(WEB_DIR, '.next', 'mercato-sources.sha256');
/** What the build depends on, besides the installed packages (the lockfile stands for those). */
const SOURCES = [join(WEB_DIR, 'src'), join(WEB_DIR, 'public'), join(WEB_DIR, 'next.config.mjs'), join(WEB_DIR, 'webpack'), join(WEB_DIR, 'package.json'), join(WEB_DIR, 'tsconfig.json'), join(ROOT_DIR, 'packages', 'client', 'src'), join(ROOT_DIR, 'package-lock.json')];

async function filesUnder(path: string, out: string[]): Promise<string[]> {
  const entries = await readdir(path, { withFileTypes: true }).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOTDIR') return null;
    if (err.code === 'ENOENT') return [];
    throw err;
  });
  if (entries === null) out.push(path);
  else for (const e of entries) await filesUnder(join(path, e.name), out);
  return out;
}

/** A digest of every source file of the web app (paths and contents). */
export async function sourcesDigest(): Promise<string> {
  const files: string[] = [];
  for (const s of SOURCES) await filesUnder(s, files);
  files.sort();
  const hash = createHash('sha256');
  for (const f of files) hash.update(relative(ROOT_DIR, f)).update('\0').update(await readFile(f)).update('\0');
  return hash.digest('hex');
}

export interface BuildResult {
  built: boolean;
  ms: number;
}

/**
 * Builds the web app for production unless the last build was made from the same sources.
 * Progress lines of the build go to `say` as they come.
 */
export async function ensureWebBuild(say: (line: string) => void): Promise<BuildResult> {
  const began = Date.now();
  const digest = await sourcesDigest();
  const previous = await readFile(STAMP, 'utf8').catch(() => '');
  if (previous.trim() === digest && existsSync(join(WEB_DIR, '.next', 'BUILD_ID'))) return { built: false, ms: Date.now() - began };
  say('web: building the storefront for production (once; again only when its sources change)…');
  const nextBin = createRequire(join(WEB_DIR, 'package.json')).resolve('next/dist/bin/next');
  const child = spawn(process.execPath, [nextBin, 'build'], { cwd: WEB_DIR, env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let tail = '';
  const onLine = (b: Buffer) => {
    const text = b.toString();
    tail = (tail + text).slice(-8000);
    for (const line of text.split('\n')) {
      const l = line.trim();
      // The steps of the build, not its route table.
      if (l && /^(✓|▲|Creating|Compiled|Collecting|Generating|Finalizing|Linting|Skipping|Failed|Error)/.test(l.replace(/^[^\w✓▲]+/, ''))) say(`web:   ${l}`);
    }
  };
  child.stdout.on('data', onLine);
  child.stderr.on('data', (b: Buffer) => (tail = (tail + b.toString()).slice(-8000)));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`the web app's build failed (exit ${code}):\n${tail}`);
  await writeFile(STAMP, `${digest}\n`);
  const ms = Date.now() - began;
  say(`web: built in ${(ms / 1000).toFixed(1)} s`);
  return { built: true, ms };
}

/** `npm run dev`: the web app in development mode (hot reload, no production build). */
export const isDev = (env: NodeJS.ProcessEnv) => /^(true|1|on|yes)$/i.test(env.MERCATO_WEB_DEV ?? '');

export interface RunningWeb {
  url: string;
  /** The key the gateway knows the web app by. */
  frontendKey: string;
  /** Tells the web app where the gateway is (once it listens). */
  setApiUrl(url: string): void;
  stop(): Promise<void>;
}

/** Starts the web server (apps/web/server.mjs) as a child process; resolves once it listens. */
export async function startWeb(env: NodeJS.ProcessEnv, onExit?: (code: number | null) => void): Promise<RunningWeb> {
  const frontendKey = env.GATEWAY_FRONTEND_KEY || randomBytes(24).toString('base64url');
  const dev = isDev(env);
  const child: ChildProcess = fork(join(WEB_DIR, 'server.mjs'), dev ? ['--dev'] : [], {
    cwd: WEB_DIR,
    env: { ...env, NODE_ENV: dev ? 'development' : 'production', NEXT_TELEMETRY_DISABLED: '1', GATEWAY_FRONTEND_KEY: frontendKey, WEB_PORT: env.WEB_PORT ?? '8089' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    // Plain Node: the web app runs its own build, not the TypeScript sources.
    execArgv: [],
  });
  let stopping = false;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the web app did not start within 120 s')), 120_000);
    child.on('message', (m: { type?: string; url?: string }) => {
      if (m?.type === 'listening' && m.url) {
        clearTimeout(timer);
        resolve(m.url);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the web app exited (${code}) before it listened; WEB_PORT=${env.WEB_PORT ?? '8089'} may be taken (0 picks a free port)`));
    });
  });
  void exited.then((code) => {
    if (!stopping) onExit?.(code);
  });
  return {
    url,
    frontendKey,
    setApiUrl(api) {
      if (child.connected) child.send({ type: 'api', url: api });
    },
    async stop() {
      stopping = true;
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 8_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
