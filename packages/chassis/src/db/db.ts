import pg from 'pg';
import type { Logger } from '../logger.js';
import { isWorthWaitingFor, redactUrl } from './connection-errors.js';
import { NotificationListener, type Subscription } from './listener.js';

export type { Subscription } from './listener.js';

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

/** The queries of one transaction, and work to run once it has committed. */
export interface Tx extends Queryable {
  /**
   * Runs `fn` once this transaction has committed, and never if it rolls back (e.g. clearing a
   * cache the transaction made stale). Not durable: work that must survive a crash belongs in
   * the outbox. A failure of `fn` is logged, not thrown.
   */
  afterCommit(fn: () => unknown): void;
  /**
   * Runs `fn` in this transaction right before it commits (after the caller's work), in the order
   * added; a failure rolls the transaction back like any statement of it. Lets writes that
   * accumulate over a transaction go in one statement at its end (the outbox rows of a run of
   * events handled together). With `oneStatement`, `fn` sends at most one statement and does
   * nothing after it: when it is the last of the before-commit work, that statement goes with the
   * COMMIT, in one round trip (see `commitWith`); a failure of either rolls the transaction back.
   */
  beforeCommit(fn: () => Promise<unknown>, opts?: { oneStatement?: boolean }): void;
  /**
   * Commits the transaction with the next statement `fn` sends, if that statement succeeds: the
   * statement goes behind a savepoint and ahead of the COMMIT, in one round trip. If it fails,
   * the transaction is rolled back to the savepoint (all before it kept) and goes on, and the
   * error is returned; so a statement can end its transaction when it finds what it expects, and
   * refuse (raise) otherwise. Nothing is tried (`committed: false`, no error) while before-commit
   * work is pending: that work would have to go first, and could not be taken back. A failure of
   * the COMMIT itself, or of the connection, is thrown: the transaction is over.
   */
  tryCommitWith<R>(fn: () => Promise<R>): Promise<CommitAttempt<R>>;
}

/** What `Tx.tryCommitWith` did: committed with the statement, or not (and why, when it tried). */
export type CommitAttempt<R> = { committed: true; value: R } | { committed: false; error?: unknown };

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

type Submit = (query: pg.Query, callback: (err: Error | undefined, res: pg.QueryResult) => void) => void;

/**
 * Runs a hot statement as a named prepared statement: each connection parses and plans it once
 * instead of on every call (for the short statements of the event paths, planning costs about as
 * much as running them). `name` must be unique per text across the process (services prefix it
 * with their name: `order_lock`, `inventory_apply_changes`); the text must not
 * vary (no SQL built from values). The pool and transactions are `pg` clients underneath, which
 * take the named form.
 */
export function prepared<R extends Row = Row>(q: Queryable, name: string, text: string, values: readonly unknown[]): Promise<pg.QueryResult<R>> {
  if (q instanceof Transaction) return q.submit<R>(text, values, name);
  const target = q instanceof Db ? q.pool : q instanceof pg.Client || q instanceof pg.Pool ? q : undefined;
  if (!target) return (q as unknown as NamedQuery).query<R>({ name, text, values });
  return run<R>(target, namedQuery(text, values, name));
}

/**
 * A named statement as a ready query: given a config object instead, pg copies it property by
 * property on every call, which costs more than the rest of sending the statement.
 */
function namedQuery(text: string, values: readonly unknown[], name: string): pg.Query {
  const query = new pg.Query(text, values as unknown[]);
  (query as unknown as { name: string }).name = name;
  return query;
}

function run<R extends Row>(target: pg.Pool | pg.Client | pg.PoolClient, query: pg.Query): Promise<pg.QueryResult<R>> {
  return new Promise((resolve, reject) => {
    (target.query as unknown as Submit).call(target, query, (err, res) => (err ? reject(err) : resolve(res as pg.QueryResult<R>)));
  });
}

/** What pg's Query does with the wire underneath (pg 8's Submittable protocol). */
interface Wire {
  parse(msg: { text: string; name?: string; types?: unknown[] }): void;
  bind(msg: { portal?: string; statement?: string; values?: unknown[] }): void;
  execute(msg: { portal?: string; rows?: number }): void;
  parsedStatements: Record<string, string | undefined>;
  on(event: 'parseComplete', listener: () => void): unknown;
  off(event: 'parseComplete', listener: () => void): unknown;
}
interface QueryInternals {
  name?: string;
  prepare(connection: Wire): void;
  handleCommandComplete(msg: unknown, connection: Wire): void;
  handleError(err: Error, connection: Wire): void;
}

/**
 * A transaction's statement with its BEGIN in front (its first statement), or its COMMIT behind
 * (its last, `commitWith`), or both, in one write and one round trip: BEGIN's Parse, Bind and
 * Execute go ahead of the statement's own messages and COMMIT's after them, before the one Sync
 * that ends them (extended query protocol), so the server runs BEGIN, the statement and COMMIT in
 * turn and answers once. Without it every transaction paid a round trip (and a write on either
 * side) for its BEGIN alone, and another for its COMMIT. BEGIN's and COMMIT's CommandComplete are
 * not results of the statement's; an error in any of them fails the statement: after a failed
 * statement the server skips the COMMIT (up to the Sync) and the transaction is rolled back as
 * any failed one is; a failed COMMIT has ended the transaction already.
 */
class PipelinedQuery extends pg.Query {
  /** CommandCompletes received: those of the statements ahead, then the statement's, then COMMIT's. */
  completes = 0;
  /** The ParseCompletes seen while the statement was parsed here (undefined when it was parsed before). */
  private parses: { wire: Wire; seen: number; listener: () => void } | undefined;
  constructor(
    /** Statements without parameters sent ahead of it (BEGIN, a SAVEPOINT), in order. */
    readonly ahead: readonly string[],
    private readonly commit: boolean,
    text: string,
    values: readonly unknown[],
    name: string | undefined,
  ) {
    super(text, values as unknown[]);
    if (name !== undefined) (this as unknown as { name: string }).name = name;
  }
  requiresPreparation(): boolean {
    return true;
  }
  prepare(connection: Wire): void {
    const self = this as unknown as QueryInternals;
    for (const text of this.ahead) {
      // The unnamed statement and portal: the next one (the statement's own, if unnamed) replaces them.
      connection.parse({ text });
      connection.bind({});
      connection.execute({});
    }
    if (self.name !== undefined && connection.parsedStatements[self.name] === undefined) {
      const parses = { wire: connection, seen: 0, listener: () => void parses.seen++ };
      connection.on('parseComplete', parses.listener);
      this.parses = parses;
    }
    (pg.Query.prototype as unknown as QueryInternals).prepare.call(this, connection);
  }
  /** pg's last step of `prepare`: the statement's Execute, then (here) COMMIT's, then the Sync. */
  _getRows(connection: Wire & { sync(): void }, rows: number | undefined): void {
    if (!this.commit || rows) return (pg.Query.prototype as unknown as { _getRows(c: Wire, r: number | undefined): void })._getRows.call(this, connection, rows);
    connection.execute({ portal: (this as unknown as { portal?: string }).portal, rows });
    connection.parse({ text: 'COMMIT' });
    connection.bind({});
    connection.execute({});
    connection.sync();
  }
  handleCommandComplete(msg: unknown, connection: Wire): void {
    // Those of the statements ahead (when sent) come first, COMMIT's (when sent) after the statement's.
    if (this.completes++ !== this.ahead.length) return;
    (pg.Query.prototype as unknown as QueryInternals).handleCommandComplete.call(this, msg, connection);
  }
  handleError(err: Error, connection: Wire): void {
    // pg marks a named statement parsed at the first ParseComplete it sees while this query is
    // active, which was that of a statement ahead (BEGIN's): if the statement's own Parse then
    // failed, it is not parsed. One that parsed and failed later (at its execution, or its
    // COMMIT) is, and is not parsed again.
    const name = (this as unknown as QueryInternals).name;
    const parses = this.stopCountingParses();
    if (parses !== undefined && name !== undefined && parses < this.ahead.length + 1) delete connection.parsedStatements[name];
    (pg.Query.prototype as unknown as QueryInternals).handleError.call(this, err, connection);
  }
  handleReadyForQuery(connection: Wire): void {
    this.stopCountingParses();
    (pg.Query.prototype as unknown as { handleReadyForQuery(c: Wire): void }).handleReadyForQuery.call(this, connection);
  }
  private stopCountingParses(): number | undefined {
    const parses = this.parses;
    if (!parses) return undefined;
    this.parses = undefined;
    parses.wire.off('parseComplete', parses.listener);
    return parses.seen;
  }
}

/**
 * Sends the transaction's next statement with its COMMIT, in one round trip (`PipelinedQuery`):
 * for a caller that knows that statement is its transaction's last. The transaction's
 * before-commit work runs ahead of it; a statement after it throws, and so does a failure of
 * the COMMIT (the statement's changes then did not commit). The caller must return soon after
 * it: what it does after the statement is done after the commit. Anything but a transaction of
 * `Db.tx` is left as it is (the statement then runs as it would have).
 */
export function commitWith(q: Queryable): void {
  if (q instanceof Transaction) q.commitNext = true;
}

/** The savepoint a statement that may commit its transaction goes behind (`tryCommitWith`). */
const ATTEMPT = 'mercato_commit_attempt';

/**
 * One transaction's queries on its pooled client, and its after-commit work. Its BEGIN is sent
 * with its first statement, in one round trip: ahead of it in the same pipeline when it takes
 * parameters (or is a named statement), as the first statement of the same text when it runs as
 * a simple query. A transaction that ran no statement sent nothing, and commits or rolls back
 * nothing.
 */
interface BeforeCommit {
  fn: () => Promise<unknown>;
  /** Sends at most one statement, and nothing after it: it may carry the COMMIT. */
  oneStatement: boolean;
}

class Transaction implements Tx {
  hooks: (() => unknown)[] | undefined;
  finishing: BeforeCommit[] | undefined;
  /** The BEGIN not sent yet. */
  pending: string | undefined;
  /** The next statement carries the COMMIT (`commitWith`). */
  commitNext = false;
  /** The COMMIT went with a statement: nothing may follow it. */
  committed = false;
  /** The next statement goes behind a savepoint (`tryCommitWith`); then the query that sent it. */
  attempt: boolean | PipelinedQuery = false;
  constructor(
    readonly client: pg.PoolClient,
    begin: string,
  ) {
    this.pending = begin;
  }
  query<R extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<pg.QueryResult<R>> {
    if (this.pending !== undefined || this.commitNext || this.committed) {
      // Also takes the named form of `prepared()`.
      if (typeof sql === 'object' && sql !== null) {
        const config = sql as { name?: string; text: string; values?: readonly unknown[] };
        return this.submit<R>(config.text, config.values ?? [], config.name);
      }
      return this.submit<R>(sql, params ?? [], undefined);
    }
    return this.client.query<R>(sql as never, params as unknown[]);
  }
  submit<R extends Row>(text: string, values: readonly unknown[], name: string | undefined): Promise<pg.QueryResult<R>> {
    if (this.committed) return Promise.reject(new Error('a statement after the one that committed its transaction'));
    if (this.commitNext) return this.submitLast<R>(text, values, name);
    const begin = this.pending;
    if (begin === undefined) {
      if (name === undefined) return this.client.query<R>(text, values as unknown[]);
      return run<R>(this.client, namedQuery(text, values, name));
    }
    this.pending = undefined;
    if (values.length > 0 || name !== undefined) return run<R>(this.client, new PipelinedQuery([begin], false, text, values, name));
    // A simple query (it may hold several statements): BEGIN as its first, its result dropped.
    return this.client.query(`${begin}; ${text}`).then((r) => {
      const results = r as unknown as pg.QueryResult<R>[];
      return (results.length === 2 ? results[1] : results.slice(1)) as pg.QueryResult<R>;
    });
  }
  /** The transaction's last statement, with its COMMIT, after the before-commit work. */
  private async submitLast<R extends Row>(text: string, values: readonly unknown[], name: string | undefined): Promise<pg.QueryResult<R>> {
    this.commitNext = false;
    const finishing = this.finishing;
    this.finishing = undefined;
    if (finishing) for (const finish of finishing) await finish.fn();
    if (this.commitNext || this.finishing) throw new Error('before-commit work asked for more after the last statement');
    const ahead = this.pending === undefined ? [] : [this.pending];
    this.pending = undefined;
    this.committed = true;
    if (this.attempt) {
      ahead.push(`SAVEPOINT ${ATTEMPT}`);
      this.attempt = new PipelinedQuery(ahead, true, text, values, name);
      return run<R>(this.client, this.attempt);
    }
    return run<R>(this.client, new PipelinedQuery(ahead, true, text, values, name));
  }
  async tryCommitWith<R>(fn: () => Promise<R>): Promise<CommitAttempt<R>> {
    if (this.finishing !== undefined || this.commitNext || this.committed) return { committed: false };
    this.commitNext = true;
    this.attempt = true;
    try {
      const value = await fn();
      if (!this.committed) throw new Error('tryCommitWith: no statement was sent');
      return { committed: true, value };
    } catch (err) {
      const sent = this.attempt as boolean | PipelinedQuery;
      this.commitNext = false;
      // Not sent, or sent and failed at its COMMIT (the transaction is over) or on the way (the
      // connection): nothing to go back to.
      if (!(sent instanceof PipelinedQuery) || sent.completes !== sent.ahead.length || typeof (err as { code?: unknown }).code !== 'string') throw err;
      // The statement failed: the server skipped the COMMIT, and the transaction goes on from the savepoint.
      await this.client.query(`ROLLBACK TO SAVEPOINT ${ATTEMPT}`);
      this.committed = false;
      return { committed: false, error: err };
    } finally {
      this.attempt = false;
    }
  }
  /** Whether a BEGIN went to the server: then it is a transaction to commit or roll back. */
  get begun(): boolean {
    return this.pending === undefined;
  }
  afterCommit(fn: () => unknown): void {
    (this.hooks ??= []).push(fn);
  }
  beforeCommit(fn: () => Promise<unknown>, opts: { oneStatement?: boolean } = {}): void {
    (this.finishing ??= []).push({ fn, oneStatement: opts.oneStatement === true });
  }
  /**
   * Runs the before-commit work, in the order added (and what it adds in turn). The last step,
   * when it sends one statement only (`oneStatement`), sends it with the COMMIT; one that sent
   * none leaves the COMMIT to the caller, as does every other transaction that has not committed.
   */
  async finish(): Promise<void> {
    // After a COMMIT sent with a caller's statement (`commitWith`), work added since still runs:
    // its statement is refused, and the caller hears of it.
    while (this.finishing) {
      const steps = this.finishing;
      this.finishing = undefined;
      for (let i = 0; i < steps.length; i++) {
        const step = steps[i]!;
        // Last only if nothing added more work meanwhile.
        if (i === steps.length - 1 && step.oneStatement && this.finishing === undefined) this.commitNext = true;
        try {
          await step.fn();
        } finally {
          this.commitNext = false;
        }
      }
    }
  }
}

/** How long a start waits between two tries of an unreachable database, at most. */
const WAIT_MAX_MS = 5_000;

/**
 * A thin layer over `pg`: a pool, typed queries and a transaction helper. A lost connection
 * (a server restart or failover, a killed session) fails what ran on it and is replaced; it
 * never takes the process down.
 */
export class Db implements Queryable {
  readonly pool: pg.Pool;
  readonly url: string;
  private readonly logger: Logger | undefined;
  private readonly commitListeners = new Set<(tx: Tx) => void>();
  private readonly listener: NotificationListener;
  private lastLossLog = 0;

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
    // A connection that fails must not crash the process: pg emits 'error' on its client, and
    // the pool listens only while the client is idle. The query running on it fails anyway.
    const lost = (err: Error) => this.connectionLost(err);
    this.pool.on('error', lost);
    this.pool.on('connect', (client) => client.on('error', lost));
    this.listener = new NotificationListener(opts.url, opts.logger);
  }

  private connectionLost(err: Error): void {
    // A restart drops every connection at once: one line for the lot.
    const now = Date.now();
    if (now - this.lastLossLog < 5_000) return;
    this.lastLossLog = now;
    this.logger?.warn({ err, database: redactUrl(this.url) }, 'database connection lost; it is replaced on next use');
  }

  /**
   * Resolves once the database answers, trying again with backoff while it cannot be reached (a
   * server still starting, restarting or failing over) and logging which one it waits for.
   * Errors that waiting cannot cure (a wrong password, no such database) are thrown at once.
   */
  async waitUntilReachable(opts: { maxWaitMs?: number; signal?: AbortSignal } = {}): Promise<void> {
    const started = Date.now();
    for (let attempt = 1; ; attempt++) {
      try {
        await this.ping();
        if (attempt > 1) this.logger?.info({ database: redactUrl(this.url), waitedMs: Date.now() - started }, 'database reachable');
        return;
      } catch (err) {
        if (!isWorthWaitingFor(err) || opts.signal?.aborted || (opts.maxWaitMs !== undefined && Date.now() - started >= opts.maxWaitMs)) throw err;
        const delay = Math.min(WAIT_MAX_MS, 250 * 2 ** Math.min(attempt - 1, 5));
        const reason = err instanceof Error ? err.message : String(err);
        this.logger?.warn({ database: redactUrl(this.url), attempt, retryInMs: delay, reason }, `waiting for the database at ${redactUrl(this.url)}`);
        await new Promise((r) => setTimeout(r, delay));
      }
    }
  }

  query<R extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<pg.QueryResult<R>> {
    return this.pool.query<R>(sql, params as unknown[]);
  }

  /**
   * Runs fn in one transaction: commits when it resolves, rolls back when it throws.
   * State changes and their outbox events go through the same `tx`.
   */
  async tx<T>(fn: (tx: Tx) => Promise<T>, opts: TxOptions = {}): Promise<T> {
    let attempt = 0;
    for (;;) {
      const client = await this.pool.connect();
      let broken = false;
      let tx: Transaction | undefined;
      try {
        tx = new Transaction(client, opts.isolation ? `BEGIN ISOLATION LEVEL ${opts.isolation.toUpperCase()}` : 'BEGIN');
        const result = await fn(tx);
        await tx.finish();
        if (tx.begun && !tx.committed) await client.query('COMMIT');
        if (tx.hooks) this.runHooks(tx.hooks);
        for (const listener of this.commitListeners) listener(tx);
        return result;
      } catch (err) {
        try {
          if (!tx || tx.begun) await client.query('ROLLBACK');
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

  private runHooks(hooks: (() => unknown)[]): void {
    for (const hook of hooks) {
      try {
        const r = hook();
        if (r instanceof Promise) r.catch((err: unknown) => this.logger?.error({ err }, 'after-commit work failed'));
      } catch (err) {
        this.logger?.error({ err }, 'after-commit work failed');
      }
    }
  }

  /**
   * Calls `listener` with the transaction after every transaction committed through `tx()`;
   * returns an unsubscribe. A wake-up signal for workers that then look for work themselves
   * (the relay, for transactions that wrote outbox rows); work that belongs to one transaction
   * goes through `tx.afterCommit` instead.
   */
  onCommit(listener: (tx: Tx) => void): () => void {
    this.commitListeners.add(listener);
    return () => this.commitListeners.delete(listener);
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  /**
   * LISTENs on `channel` and calls `onPayload` with each NOTIFY's payload, delivered when the
   * notifying transaction commits. Every channel of this database shares one connection of its
   * own (outside the pool); see NotificationListener for what happens when it is lost.
   */
  listen(channel: string, onPayload: (payload: string) => void, onGap?: () => void): Promise<Subscription> {
    return this.listener.listen(channel, onPayload, onGap);
  }

  async close(): Promise<void> {
    await this.listener.close();
    await this.pool.end();
  }
}

/** Creates database `name` on the server behind `adminUrl` unless it exists. */
export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  if (!/^[a-z][a-z0-9_]{0,62}$/.test(name)) throw new Error(`invalid database name ${name}`);
  const client = new pg.Client({ connectionString: adminUrl });
  client.on('error', () => undefined); // surfaces on the query in flight
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
