// Counts the statements a service process sends to PostgreSQL, by statement: loaded into each
// service process (`node --import`) when the checkout benchmark runs with --statements. On
// SIGUSR2 the counts so far are written, synchronously, to `<BENCH_STATEMENT_DIR>/<pid>.json`
// ({ seq, counts: { "<prepared name or the text's first 100 characters>": n } }); the benchmark
// signals before and after its measured round and takes the difference.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';

const dir = process.env.BENCH_STATEMENT_DIR;
if (dir) {
  const counts = new Map();
  const keyOf = (q) => {
    if (typeof q === 'string') return q.replace(/\s+/g, ' ').trim().slice(0, 100);
    if (q && typeof q === 'object') {
      if (typeof q.name === 'string' && q.name) return `[${q.name}]`;
      if (typeof q.text === 'string') return q.text.replace(/\s+/g, ' ').trim().slice(0, 100);
    }
    return '?';
  };
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (config, ...rest) {
    const key = keyOf(config);
    counts.set(key, (counts.get(key) ?? 0) + 1);
    return query.call(this, config, ...rest);
  };
  let seq = 0;
  process.on('SIGUSR2', () => {
    seq++;
    writeFileSync(join(dir, `${process.pid}.json`), JSON.stringify({ seq, counts: Object.fromEntries(counts) }));
  });
}
