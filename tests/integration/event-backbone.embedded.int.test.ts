import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '@mercato/embedded-pg';
import { backboneSuite } from '../../packages/chassis/test/backbone-suite.js';

// The same guarantees as on a PostgreSQL server, on the embedded PostgreSQL of `npm start`.
let pg: EmbeddedPostgres | undefined;
let dir = '';

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mercato-embedded-'));
  pg = await startEmbeddedPostgres({ dataDir: join(dir, 'postgres') });
});

after(async () => {
  await pg?.stop();
  await rm(dir, { recursive: true, force: true });
});

backboneSuite('event backbone: embedded PostgreSQL, in-process bus', {
  serverUrl: () => pg!.adminUrl,
  bus: 'memory',
  skip: false,
});
