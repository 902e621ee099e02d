// Regenerates src/schema.ts from the merged OpenAPI document.
//   npm run generate -w @mercato/client                 starts the platform (embedded, empty shop, ports 0) and reads it
//   npm run generate -w @mercato/client -- <gateway URL>  reads it from a running gateway
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateTypes } from './generate.js';

const SCHEMA = new URL('./schema.ts', import.meta.url);
const NAMES = ['gateway', 'auth', 'user', 'catalog', 'inventory', 'order', 'payment', 'review', 'notification'];

async function fromRunning(gateway: string): Promise<Record<string, unknown>> {
  const res = await fetch(`${gateway.replace(/\/+$/, '')}/api/v1/openapi.json`);
  if (!res.ok) throw new Error(`GET /api/v1/openapi.json answered ${res.status}`);
  return (await res.json()) as Record<string, unknown>;
}

async function fromFreshPlatform(): Promise<Record<string, unknown>> {
  const dir = await mkdtemp(join(tmpdir(), 'mercato-client-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...Object.fromEntries(NAMES.map((n) => [`${n.toUpperCase()}_PORT`, '0'])),
    MERCATO_DATA_DIR: dir,
    MERCATO_PG_PORT: String(30000 + Math.floor(Math.random() * 20000)),
    MERCATO_DEMO_DATA: 'false',
    MERCATO_WEB: 'false',
    LOG_LEVEL: 'error',
  };
  const { startPlatform } = await import('@mercato/platform/embedded');
  const platform = await startPlatform({ env });
  try {
    return await fromRunning(platform.urls.gateway);
  } finally {
    await platform.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

const from = process.argv[2];
const started = Date.now();
const doc = from ? await fromRunning(from) : await fromFreshPlatform();
await writeFile(SCHEMA, await generateTypes(doc));
process.stdout.write(`packages/client/src/schema.ts written from ${from ?? 'a fresh platform'} in ${Date.now() - started} ms\n`);
