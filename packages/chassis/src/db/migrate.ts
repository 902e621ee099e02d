import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from '../logger.js';
import type { Db } from './db.js';

export interface MigrationSet {
  /** 'chassis' for the platform's own tables (outbox, inbox, failures), the service name for its own. */
  scope: string;
  dir: string;
}

const FILE = /^(\d{4})_([a-z0-9_]+)\.sql$/;
// One lock for every migration of this database: two processes starting together migrate once.
const LOCK_KEY = 0x6d657263; // 'merc'

export const CHASSIS_MIGRATIONS: MigrationSet = {
  scope: 'chassis',
  dir: fileURLToPath(new URL('../../migrations', import.meta.url)),
};

interface MigrationFile {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

async function readSet(dir: string): Promise<MigrationFile[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.sql')).sort();
  const out: MigrationFile[] = [];
  for (const f of files) {
    const m = FILE.exec(f);
    if (!m) throw new Error(`migration file ${f} must be named NNNN_description.sql`);
    const sql = await readFile(join(dir, f), 'utf8');
    out.push({ version: Number(m[1]), name: m[2]!, sql, checksum: createHash('sha256').update(sql).digest('hex') });
  }
  for (let i = 1; i < out.length; i++) {
    if (out[i]!.version === out[i - 1]!.version) throw new Error(`two migrations numbered ${out[i]!.version} in ${dir}`);
  }
  return out;
}

/**
 * Applies each set's pending migrations in order, each in its own transaction, under a
 * session advisory lock, recording version and checksum. An applied file that was edited
 * afterwards stops start-up: migrations are forward-only.
 */
export async function migrate(db: Db, sets: MigrationSet[], logger?: Logger): Promise<number> {
  const client = await db.pool.connect();
  let applied = 0;
  try {
    await client.query('SET statement_timeout = 0');
    await client.query('SELECT pg_advisory_lock($1)', [LOCK_KEY]);
    try {
      await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
        scope text NOT NULL,
        version integer NOT NULL,
        name text NOT NULL,
        checksum text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (scope, version)
      )`);
      for (const set of sets) {
        const files = await readSet(set.dir);
        const done = await client.query<{ version: number; checksum: string }>(
          'SELECT version, checksum FROM schema_migrations WHERE scope = $1',
          [set.scope],
        );
        const doneMap = new Map(done.rows.map((r) => [r.version, r.checksum]));
        for (const file of files) {
          const previous = doneMap.get(file.version);
          if (previous !== undefined) {
            if (previous !== file.checksum) {
              throw new Error(`migration ${set.scope}/${file.version}_${file.name} changed after it was applied; add a new migration instead`);
            }
            continue;
          }
          await client.query('BEGIN');
          try {
            await client.query(file.sql);
            await client.query('INSERT INTO schema_migrations (scope, version, name, checksum) VALUES ($1, $2, $3, $4)', [
              set.scope,
              file.version,
              file.name,
              file.checksum,
            ]);
            await client.query('COMMIT');
          } catch (err) {
            // A connection lost mid-migration cannot roll back: the server does.
            await client.query('ROLLBACK').catch(() => undefined);
            throw new Error(`migration ${set.scope}/${file.version}_${file.name} failed: ${(err as Error).message}`, { cause: err });
          }
          applied++;
          logger?.info({ scope: set.scope, version: file.version, name: file.name }, 'migration applied');
        }
      }
    } finally {
      // On a lost connection the lock went with the session.
      await client.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]).catch(() => undefined);
    }
  } finally {
    client.release();
  }
  return applied;
}
