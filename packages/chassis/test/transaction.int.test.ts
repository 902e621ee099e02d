import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type pg from 'pg';
import { newId } from '@mercato/contracts';
import { commitWith, Db, prepared, type Tx } from '../src/db/db.js';
import { CHASSIS_MIGRATIONS, migrate } from '../src/db/migrate.js';
import { createOutbox } from '../src/events/outbox.js';
import { orderPlaced } from './harness.js';
import { createTestDatabase, skipUnless, type TestDatabase } from '../src/testing/index.js';

// A transaction's BEGIN goes to the server with its first statement that takes parameters, in one
// round trip; what the transaction means must not change with it: its statements see one
// snapshot at the isolation asked for, a throw or a failed statement leaves nothing behind, and
// the connection goes back to the pool fit for the next one.

describe('transactions on the chassis pool', { skip: skipUnless('postgres') }, () => {
  let database: TestDatabase;
  let db: Db;
  /** ReadyForQuery messages received: one per round trip the client waited for. */
  let roundTrips = 0;

  before(async () => {
    database = await createTestDatabase('tx');
    // One connection: every transaction below runs on the same session, as a busy pool's do.
    db = new Db({ url: database.url, poolMax: 1 });
    db.pool.on('connect', (client: pg.PoolClient) => {
      (client as unknown as { connection: { on(e: string, f: () => void): void } }).connection.on('readyForQuery', () => roundTrips++);
    });
    await db.query('CREATE TABLE notes (id int PRIMARY KEY, body text NOT NULL)');
  });
  after(async () => {
    await db?.close();
    await database?.drop();
  });

  const counted = async (fn: () => Promise<unknown>): Promise<number> => {
    const before = roundTrips;
    await fn();
    return roundTrips - before;
  };

  it('sends BEGIN with the first statement: one round trip for both, one for COMMIT', async () => {
    const trips = await counted(() => db.tx((tx) => tx.query('INSERT INTO notes (id, body) VALUES ($1, $2)', [1, 'one'])));
    assert.equal(trips, 2);
    const named = await counted(() => db.tx((tx) => prepared(tx, 'tx_test_read', 'SELECT body FROM notes WHERE id = $1', [1])));
    assert.equal(named, 2);
    assert.deepEqual((await db.query('SELECT id, body FROM notes ORDER BY id')).rows, [{ id: 1, body: 'one' }]);
  });

  it('runs the first statement inside the transaction, at the isolation asked for', async () => {
    const seen = await db.tx(
      async (tx) => {
        const first = await tx.query<{ level: string; xact: Date; stmt: Date; txid: string | null }>(
          'SELECT current_setting($1) AS level, now() AS xact, statement_timestamp() AS stmt, txid_current_if_assigned()::text AS txid',
          ['transaction_isolation'],
        );
        await tx.query('SELECT pg_sleep(0.02)');
        const second = await tx.query<{ xact: Date }>('SELECT now() AS xact, $1::int AS n', [2]);
        return { first: first.rows[0]!, second: second.rows[0]! };
      },
      { isolation: 'serializable' },
    );
    assert.equal(seen.first.level, 'serializable');
    // now() is the transaction's start: the same for both statements, so both ran in one.
    assert.equal(seen.second.xact.getTime(), seen.first.xact.getTime());
  });

  it('rolls back everything when the callback throws after its first statement', async () => {
    await assert.rejects(
      db.tx(async (tx) => {
        await tx.query('INSERT INTO notes (id, body) VALUES ($1, $2)', [2, 'two']);
        await tx.query('INSERT INTO notes (id, body) VALUES ($1, $2)', [3, 'three']);
        throw new Error('changed my mind');
      }),
      /changed my mind/,
    );
    assert.deepEqual((await db.query('SELECT id FROM notes ORDER BY id')).rows, [{ id: 1 }]);
  });

  it('rolls back when the first statement itself fails, and the connection serves the next one', async () => {
    await assert.rejects(
      db.tx((tx) => tx.query('INSERT INTO notes (id, body) VALUES ($1, $2)', [1, 'again'])),
      (err: { code?: string }) => err.code === '23505',
    );
    // Not left in a failed transaction block: the same (only) connection works.
    await db.tx(async (tx) => {
      await tx.query('INSERT INTO notes (id, body) VALUES ($1, $2)', [4, 'four']);
    });
    assert.deepEqual((await db.query('SELECT id FROM notes ORDER BY id')).rows, [{ id: 1 }, { id: 4 }]);
    const status = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'");
    assert.equal(status.rows[0]!.n, 0);
  });

  it('parses a named statement again after its first Parse failed with BEGIN in front', async () => {
    const bad = () => db.tx((tx) => prepared(tx, 'tx_test_bad', 'SELEC $1::int', [1]));
    // A syntax error both times: the second try parses again rather than binding a statement the
    // server never made (which would fail with 26000, "prepared statement does not exist").
    await assert.rejects(bad(), (err: { code?: string }) => err.code === '42601');
    await assert.rejects(bad(), (err: { code?: string }) => err.code === '42601');
    // One that parsed and failed at its execution is not parsed again: the second try binds it
    // (a second Parse of the name would fail with 42P05, "prepared statement already exists").
    const taken = () => db.tx((tx) => prepared(tx, 'tx_test_taken', 'INSERT INTO notes (id, body) VALUES ($1, $2)', [1, 'taken']));
    await assert.rejects(taken(), (err: { code?: string }) => err.code === '23505');
    await assert.rejects(taken(), (err: { code?: string }) => err.code === '23505');
  });

  it('sends COMMIT with the statement named the last: one round trip for both, and for all three when it is also the first', async () => {
    const trips = await counted(() =>
      db.tx(async (tx) => {
        await tx.query('INSERT INTO notes (id, body) VALUES ($1, $2)', [10, 'ten']);
        commitWith(tx);
        await prepared(tx, 'tx_test_last', 'INSERT INTO notes (id, body) VALUES ($1, $2)', [11, 'eleven']);
      }),
    );
    assert.equal(trips, 2, 'BEGIN with the first, COMMIT with the last');
    const alone = await counted(() =>
      db.tx(async (tx) => {
        commitWith(tx);
        await tx.query('INSERT INTO notes (id, body) VALUES ($1, $2)', [12, 'twelve']);
      }),
    );
    assert.equal(alone, 1, 'BEGIN, the statement and COMMIT in one');
    assert.deepEqual((await db.query('SELECT id FROM notes WHERE id >= 10 ORDER BY id')).rows, [{ id: 10 }, { id: 11 }, { id: 12 }]);
    const status = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'");
    assert.equal(status.rows[0]!.n, 0);
    await db.query('DELETE FROM notes WHERE id >= 10');
  });

  it('runs the before-commit work ahead of the last statement, and refuses a statement after it', async () => {
    const order: string[] = [];
    await assert.rejects(
      db.tx(async (tx) => {
        tx.beforeCommit(async () => {
          order.push('before-commit');
          await tx.query('INSERT INTO notes (id, body) VALUES ($1, $2)', [13, 'thirteen']);
        });
        commitWith(tx);
        await tx.query('INSERT INTO notes (id, body) VALUES ($1, $2)', [14, 'fourteen']);
        order.push('last');
        await tx.query('SELECT $1::int', [1]);
      }),
      /after the one that committed/,
    );
    assert.deepEqual(order, ['before-commit', 'last']);
    // Work added after the statement that committed is refused too, not dropped unheard.
    await assert.rejects(
      db.tx(async (tx) => {
        commitWith(tx);
        await tx.query('INSERT INTO notes (id, body) VALUES ($1, $2)', [15, 'fifteen']);
        tx.beforeCommit(() => tx.query('INSERT INTO notes (id, body) VALUES ($1, $2)', [16, 'sixteen']), { oneStatement: true });
      }),
      /after the one that committed/,
    );
    // Committed with the last statement, before-commit work included.
    assert.deepEqual((await db.query('SELECT id FROM notes WHERE id >= 10 ORDER BY id')).rows, [{ id: 13 }, { id: 14 }, { id: 15 }]);
    await db.query('DELETE FROM notes WHERE id >= 10');
  });

  it('rolls back when the last statement fails, its COMMIT skipped, and a named one parsed again', async () => {
    for (let i = 0; i < 2; i++) {
      await assert.rejects(
        db.tx(async (tx) => {
          await tx.query('INSERT INTO notes (id, body) VALUES ($1, $2)', [15, 'fifteen']);
          commitWith(tx);
          await prepared(tx, 'tx_test_last_bad', 'INSERT INTO notes (id, body) VALUES ($1, $2)', [1, 'taken']);
        }),
        (err: { code?: string }) => err.code === '23505',
      );
    }
    await assert.rejects(
      db.tx(async (tx) => {
        commitWith(tx);
        await prepared(tx, 'tx_test_last_syntax', 'INSERT INTO notes VALUE ($1)', [1]);
      }),
      (err: { code?: string }) => err.code === '42601',
    );
    assert.equal((await db.query('SELECT count(*)::int AS n FROM notes WHERE id = 15')).rows[0]!.n, 0);
    const status = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'");
    assert.equal(status.rows[0]!.n, 0);
  });

  it('fails the last statement when its COMMIT fails, and nothing of the transaction stays', async () => {
    await db.query('CREATE TABLE IF NOT EXISTS pairs (id int PRIMARY KEY, other int REFERENCES pairs (id) DEFERRABLE INITIALLY DEFERRED)');
    // The foreign key is checked at COMMIT: the statement succeeds, its COMMIT fails.
    await assert.rejects(
      db.tx(async (tx) => {
        await tx.query('INSERT INTO notes (id, body) VALUES ($1, $2)', [16, 'sixteen']);
        commitWith(tx);
        await prepared(tx, 'tx_test_last_deferred', 'INSERT INTO pairs (id, other) VALUES ($1, $2)', [1, 99]);
      }),
      (err: { code?: string }) => err.code === '23503',
    );
    assert.equal((await db.query('SELECT count(*)::int AS n FROM notes WHERE id = 16')).rows[0]!.n, 0);
    assert.equal((await db.query('SELECT count(*)::int AS n FROM pairs')).rows[0]!.n, 0);
    // The named statement parsed fine: used again, it binds (no second Parse of the same name).
    await db.tx(async (tx) => {
      commitWith(tx);
      await prepared(tx, 'tx_test_last_deferred', 'INSERT INTO pairs (id, other) VALUES ($1, $2)', [2, null]);
    });
    assert.equal((await db.query('SELECT count(*)::int AS n FROM pairs')).rows[0]!.n, 1);
  });

  it("sends the last before-commit step's one statement with the COMMIT, and the outbox's events so", async () => {
    const insert = (tx: Tx, id: number) => tx.query('INSERT INTO notes (id, body) VALUES ($1, $2)', [id, `n${id}`]);
    // A statement, then the step's with COMMIT: two round trips (three without `oneStatement`).
    const withCommit = await counted(() =>
      db.tx(async (tx) => {
        tx.beforeCommit(() => insert(tx, 21), { oneStatement: true });
        await insert(tx, 20);
      }),
    );
    assert.equal(withCommit, 2);
    const apart = await counted(() =>
      db.tx(async (tx) => {
        tx.beforeCommit(() => insert(tx, 23));
        await insert(tx, 22);
      }),
    );
    assert.equal(apart, 3);
    // The step's statement alone: BEGIN, it and COMMIT in one.
    assert.equal(await counted(() => db.tx(async (tx) => tx.beforeCommit(() => insert(tx, 24), { oneStatement: true }))), 1);
    // A step that sent nothing: the COMMIT goes alone.
    assert.equal(await counted(() => db.tx(async (tx) => (tx.beforeCommit(async () => undefined, { oneStatement: true }), insert(tx, 25)))), 2);
    // Only the last step carries it: an earlier one's statement goes on its own.
    const order: number[] = [];
    const two = await counted(() =>
      db.tx(async (tx) => {
        tx.beforeCommit(async () => (order.push(27), insert(tx, 27)), { oneStatement: true });
        tx.beforeCommit(async () => (order.push(28), insert(tx, 28)), { oneStatement: true });
        tx.afterCommit(() => order.push(0));
        await insert(tx, 26);
      }),
    );
    assert.equal(two, 3);
    assert.deepEqual(order, [27, 28, 0], 'the steps in the order added, the after-commit work after them');
    assert.deepEqual((await db.query('SELECT id FROM notes WHERE id BETWEEN 20 AND 29 ORDER BY id')).rows.map((r) => r.id), [20, 21, 22, 23, 24, 25, 26, 27, 28]);

    // The outbox's events of a transaction go with its COMMIT.
    await migrate(db, [CHASSIS_MIGRATIONS]);
    const outbox = createOutbox('test');
    const orderId = newId('ord');
    const emitted = await counted(() =>
      db.tx(async (tx) => {
        await insert(tx, 29);
        await outbox.emit(tx, 'OrderPlaced', orderPlaced(orderId), orderId);
      }),
    );
    assert.equal(emitted, 2, 'BEGIN with the first statement, the events with the COMMIT');
    assert.equal((await db.query('SELECT count(*)::int AS n FROM outbox WHERE subject = $1', [orderId])).rows[0]!.n, 1);
    await db.query('DELETE FROM notes WHERE id >= 20');
  });

  it('rolls back when the statement that carries the COMMIT fails, or its COMMIT does', async () => {
    await assert.rejects(
      db.tx(async (tx) => {
        tx.beforeCommit(() => tx.query('INSERT INTO notes (id, body) VALUES ($1, $2)', [1, 'taken']), { oneStatement: true });
        await tx.query('INSERT INTO notes (id, body) VALUES ($1, $2)', [30, 'thirty']);
      }),
      (err: { code?: string }) => err.code === '23505',
    );
    await db.query('CREATE TABLE IF NOT EXISTS pairs (id int PRIMARY KEY, other int REFERENCES pairs (id) DEFERRABLE INITIALLY DEFERRED)');
    await assert.rejects(
      db.tx(async (tx) => {
        tx.beforeCommit(() => tx.query('INSERT INTO pairs (id, other) VALUES ($1, $2)', [50, 99]), { oneStatement: true });
        await tx.query('INSERT INTO notes (id, body) VALUES ($1, $2)', [31, 'thirty-one']);
      }),
      (err: { code?: string }) => err.code === '23503',
    );
    assert.equal((await db.query('SELECT count(*)::int AS n FROM notes WHERE id IN (30, 31)')).rows[0]!.n, 0);
    assert.equal((await db.query('SELECT count(*)::int AS n FROM pairs WHERE id = 50')).rows[0]!.n, 0);
    const status = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'");
    assert.equal(status.rows[0]!.n, 0);
    // The connection serves the next transaction.
    await db.tx((tx) => tx.query('INSERT INTO notes (id, body) VALUES ($1, $2)', [32, 'thirty-two']));
    assert.equal((await db.query('SELECT count(*)::int AS n FROM notes WHERE id = 32')).rows[0]!.n, 1);
    await db.query('DELETE FROM notes WHERE id >= 30');
  });

  it('commits with a statement that succeeds, behind a savepoint, in one round trip (all three when it is the first)', async () => {
    let attempt: unknown;
    const trips = await counted(() =>
      db.tx(async (tx) => {
        await tx.query('INSERT INTO notes (id, body) VALUES ($1, $2)', [60, 'sixty']);
        attempt = await tx.tryCommitWith(() => tx.query<{ id: number }>('INSERT INTO notes (id, body) VALUES ($1, $2) RETURNING id', [61, 'sixty-one']));
        // Nothing may follow the statement that committed.
        await assert.rejects(tx.query('SELECT 1'), /after the one that committed/);
      }),
    );
    assert.equal(trips, 2);
    assert.deepEqual((attempt as { committed: boolean; value: pg.QueryResult<{ id: number }> }).value.rows, [{ id: 61 }]);
    assert.equal((attempt as { committed: boolean }).committed, true);
    const first = await counted(() => db.tx((tx) => tx.tryCommitWith(() => prepared(tx, 'tx_test_try_first', 'INSERT INTO notes (id, body) VALUES ($1, $2)', [62, 'sixty-two']))));
    assert.equal(first, 1);
    assert.deepEqual((await db.query('SELECT id FROM notes WHERE id BETWEEN 60 AND 62 ORDER BY id')).rows, [{ id: 60 }, { id: 61 }, { id: 62 }]);
  });

  it('goes back to the savepoint when the statement fails: what came before is kept, and the transaction goes on', async () => {
    const outcome = await db.tx(async (tx) => {
      await tx.query('INSERT INTO notes (id, body) VALUES ($1, $2)', [63, 'sixty-three']);
      // Writes a row, then fails in the same statement: nothing of it stays.
      const failed = await tx.tryCommitWith(() =>
        prepared(tx, 'tx_test_try_bad', 'WITH w AS (INSERT INTO notes (id, body) VALUES ($1, $2)) SELECT 1 / (SELECT count(*) FROM notes WHERE id = $3)::int AS x', [64, 'sixty-four', 999]),
      );
      assert.equal(failed.committed, false);
      assert.equal((failed as { error: { code?: string } }).error.code, '22012');
      // The transaction goes on (and may try again): the named statement parsed, and binds again.
      const again = await tx.tryCommitWith(() => prepared(tx, 'tx_test_try_bad', 'WITH w AS (INSERT INTO notes (id, body) VALUES ($1, $2)) SELECT 1 / (SELECT count(*) FROM notes WHERE id = $3)::int AS x', [65, 'sixty-five', 999]));
      assert.equal(again.committed, false);
      await tx.query('INSERT INTO notes (id, body) VALUES ($1, $2)', [66, 'sixty-six']);
      return 'done';
    });
    assert.equal(outcome, 'done');
    assert.deepEqual((await db.query('SELECT id FROM notes WHERE id BETWEEN 63 AND 66 ORDER BY id')).rows, [{ id: 63 }, { id: 66 }]);
    const status = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'");
    assert.equal(status.rows[0]!.n, 0);
  });

  it('tries nothing while before-commit work is pending, and throws when the COMMIT itself fails', async () => {
    await db.query('CREATE TABLE IF NOT EXISTS pairs (id int PRIMARY KEY, other int REFERENCES pairs (id) DEFERRABLE INITIALLY DEFERRED)');
    const untried = await db.tx(async (tx) => {
      tx.beforeCommit(() => tx.query('INSERT INTO notes (id, body) VALUES ($1, $2)', [67, 'sixty-seven']), { oneStatement: true });
      let called = false;
      const attempt = await tx.tryCommitWith(async () => (called = true));
      assert.equal(called, false);
      return attempt;
    });
    assert.deepEqual(untried, { committed: false });
    assert.equal((await db.query('SELECT count(*)::int AS n FROM notes WHERE id = 67')).rows[0]!.n, 1);
    // The statement succeeds, its COMMIT fails (a deferred foreign key): the transaction is over.
    await assert.rejects(
      db.tx(async (tx) => {
        await tx.query('INSERT INTO notes (id, body) VALUES ($1, $2)', [68, 'sixty-eight']);
        await tx.tryCommitWith(() => tx.query('INSERT INTO pairs (id, other) VALUES ($1, $2)', [70, 999]));
      }),
      (err: { code?: string }) => err.code === '23503',
    );
    assert.equal((await db.query('SELECT count(*)::int AS n FROM notes WHERE id = 68')).rows[0]!.n, 0);
    const status = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'");
    assert.equal(status.rows[0]!.n, 0);
  });

  it('sends nothing for a transaction that ran no statement', async () => {
    const trips = await counted(() => db.tx(async () => 'nothing'));
    assert.equal(trips, 0);
    const thrown = await counted(() => assert.rejects(db.tx(async () => Promise.reject(new Error('before any statement')))));
    assert.equal(thrown, 0);
  });

  it('sends BEGIN in the text of a first statement without parameters, several statements in one included', async () => {
    let both: unknown;
    const trips = await counted(async () => {
      await db.tx(async (tx) => {
        both = await tx.query("INSERT INTO notes (id, body) VALUES (5, 'five'); INSERT INTO notes (id, body) VALUES (6, 'six')");
      });
    });
    assert.equal(trips, 2);
    // The caller's two results, not BEGIN's.
    assert.deepEqual(
      (both as pg.QueryResult[]).map((r) => [r.command, r.rowCount]),
      [
        ['INSERT', 1],
        ['INSERT', 1],
      ],
    );
    const one = await db.tx((tx) => tx.query<{ v: number; n: number }>('SELECT 42 AS v, (SELECT count(*)::int FROM notes WHERE id IN (5, 6)) AS n'));
    assert.deepEqual(one.rows, [{ v: 42, n: 2 }]);
    await assert.rejects(
      db.tx(async (tx) => {
        await tx.query("INSERT INTO notes (id, body) VALUES (7, 'seven')");
        throw new Error('undo');
      }),
      /undo/,
    );
    assert.equal((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM notes WHERE id = 7')).rows[0]!.n, 0);
  });

  it('runs statements queued at once in the order they were queued', async () => {
    const order = await db.tx(async (tx) => {
      const [a, b, c] = await Promise.all([
        tx.query<{ v: number }>('INSERT INTO notes (id, body) VALUES ($1, $2) RETURNING id AS v', [8, 'eight']),
        tx.query<{ v: number }>('SELECT count(*)::int AS v FROM notes WHERE id = 8'),
        tx.query<{ v: number }>('SELECT count(*)::int AS v FROM notes WHERE id = $1', [8]),
      ]);
      return [a.rows[0]!.v, b.rows[0]!.v, c.rows[0]!.v];
    });
    assert.deepEqual(order, [8, 1, 1]);
  });
});
