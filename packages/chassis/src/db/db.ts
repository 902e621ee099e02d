import pg from 'pg';
import type { Logger } from '../logger.js';

export interface DbOptions {
  url: string;
  /** Connections in the pool. */
  poolMax?: number;
  /** Server-side limit on any one statement, in milliseconds (0 = none). */
  statementTimeoutMs?: number;
  /** Limit on waiting for a free connection, in milliseconds. */
  connectionTimeoutMs?: number;
  applicationName?: string;
  logger?: Logger;
}

export type Row = Record<string, unknown>;

/** What both the pool and a transaction can do: run SQL. Stores take a Queryable. */
export interface Queryable {
  query<R extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<pg.QueryResult<R>>;
}

export type Isolation = 'read committed' | 'repeatable read' | 'serializable';

export interface TxOptions {
  isolation?: Isolation;
  /** Retries on serialization failure or deadlock (SQLSTATE 40001, 40P01). */
  retries?: number;
}

// int8 (counts, sums) as numbers: every integer we store fits in 2^53; numeric stays a string.
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 20) return (v: string) => Number(v);
    return pg.types.getTypeParser(oid, format);
  },
};

const RETRYABLE = new Set(['40001', '40P01']);

interface NamedQuery {
  query<R extends Row>(config: { name: string; text: string; values: readonly unknown[] }): Promise<pg.QueryResult<R>>;
}

/**
 * Runs a hot statement as a named prepared statement: each connection parses and plans it once
 * instead of on every call (for the short statements of the event paths, planning costs about as
 * much as running them). `name` must be unique per text across the process; the text must not
 * vary (no SQL built from values). The pool and transactions are `pg` clients underneath, which
 * take the named form.
 */
export function prepared<R extends Row = Row>(q: Queryable, name: string, text: string, values: readonly unknown[]): Promise<pg.QueryResult<R>> {
  return (q as unknown as NamedQuery).query<R>({ name, text, values });
}

/** A thin layer over `pg`: a pool, typed queries and a transaction helper. */
export class Db implements Queryable {
  readonly pool: pg.Pool;
  readonly url: string;
  private readonly logger: Logger | undefined;
  private readonly commitListeners = new Set<() => void>();
  private readonly subscriptions = new Set<Subscription>();

  constructor(opts: DbOptions) {
    this.url = opts.url;
    this.logger = opts.logger;
    this.pool = new pg.Pool({
      connectionString: opts.url,
      max: opts.poolMax ?? 10,
      connectionTimeoutMillis: opts.connectionTimeoutMs ?? 5_000,
      // Idle connections close soon: an embedded platform runs nine pools on one small server.
      idleTimeoutMillis: 10_000,
      statement_timeout: opts.statementTimeoutMs ?? 15_000,
      application_name: opts.applicationName ?? 'mercato',
      // JIT compiling pays off for long analytical queries, never for these short ones: on a
      // listing with facets it cost a whole second of compile time for 20 ms of work.
      options: '-c jit=off',
      types,
    });
    // An idle client that errors (server restart) must not crash the process.
    this.pool.on('error', (err) => this.logger?.warn({ err }, 'idle database connection failed'));
  }

  query<R extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<pg.QueryResult<R>> {
    return this.pool.query<R>(sql, params as unknown[]);
  }

  /**
   * Runs fn in one transaction: commits when it resolves, rolls back when it throws.
   * State changes and their outbox events go through the same `tx`.
   */
  async tx<T>(fn: (tx: Queryable) => Promise<T>, opts: TxOptions = {}): Promise<T> {
    let attempt = 0;
    for (;;) {
      const client = await this.pool.connect();
      let broken = false;
      try {
        await client.query(opts.isolation ? `BEGIN ISOLATION LEVEL ${opts.isolation.toUpperCase()}` : 'BEGIN');
        const result = await fn(client);
        await client.query('COMMIT');
        for (const listener of this.commitListeners) listener();
        return result;
      } catch (err) {
        try {
          await client.query('ROLLBACK');
        } catch {
          broken = true;
        }
        const code = (err as { code?: string }).code;
        if (code && RETRYABLE.has(code) && attempt < (opts.retries ?? 0)) {
          attempt++;
          await new Promise((r) => setTimeout(r, Math.random() * 10 * attempt));
          continue;
        }
        throw err;
      } finally {
        client.release(broken);
      }
    }
  }

  /** Calls `listener` after every transaction committed through `tx()`; returns an unsubscribe. */
  onCommit(listener: () => void): () => void {
    this.commitListeners.add(listener);
    return () => this.commitListeners.delete(listener);
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  /**
   * LISTENs on `channel` over a connection of its own (outside the pool) and calls `onPayload`
   * with each NOTIFY's payload, delivered when the notifying transaction commits. A lost
   * connection is reopened after a second; notifications sent meanwhile are lost, so `onGap` is
   * called once listening again: callers re-read what they wait for.
   */
  async listen(channel: string, onPayload: (payload: string) => void, onGap: () => void = () => undefined): Promise<Subscription> {
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(channel)) throw new Error(`invalid channel name ${channel}`);
    let client: pg.Client | undefined;
    let closed = false;
    let retry: NodeJS.Timeout | undefined;
    const open = async (): Promise<void> => {
      const c = new pg.Client({ connectionString: this.url, application_name: 'mercato-listen' });
      c.on('notification', (n) => {
        if (n.channel === channel) onPayload(n.payload ?? '');
      });
      c.on('error', (err) => {
        this.logger?.warn({ err, channel }, 'listening connection failed; reopening');
        lost(c);
      });
      c.on('end', () => lost(c));
      await c.connect();
      await c.query(`LISTEN ${channel}`);
      client = c;
    };
    const lost = (c: pg.Client) => {
      if (closed || client !== c || retry) return;
      client = undefined;
      c.removeAllListeners('end');
      void c.end().catch(() => undefined);
      const again = () => {
        retry = setTimeout(() => {
          retry = undefined;
          if (closed) return;
          open().then(onGap, (err: unknown) => {
            this.logger?.warn({ err, channel }, 'could not listen again; retrying');
            again();
          });
        }, 1_000);
        retry.unref();
      };
      again();
      onGap();
    };
    await open();
    const subscription: Subscription = {
      close: async () => {
        closed = true;
        if (retry) clearTimeout(retry);
        this.subscriptions.delete(subscription);
        const c = client;
        client = undefined;
        if (c) await c.end().catch(() => undefined);
      },
    };
    this.subscriptions.add(subscription);
    return subscription;
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.close()));
    await this.pool.end();
  }
}

export interface Subscription {
  close(): Promise<void>;
}

/** Creates database `name` on the server behind `adminUrl` unless it exists. */
export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  if (!/^[a-z][a-z0-9_]{0,62}$/.test(name)) throw new Error(`invalid database name ${name}`);
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) {
      try {
        await client.query(`CREATE DATABASE "${name}"`);
      } catch (err) {
        // Another process created it between our check and our create.
        if ((err as { code?: string }).code !== '42P04' && (err as { code?: string }).code !== '23505') throw err;
      }
    }
  } finally {
    await client.end();
  }
}

/** The same server URL with another database name. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
