// CPU time the PostgreSQL backends of some databases spent, read from /proc: the server must run
// on this machine (it does for the benchmarks). Backends that come and go between two readings
// are missed; the pools of the benchmarks keep theirs for the whole of a run.
import { readdirSync, readFileSync } from 'node:fs';
import type { Db } from '@mercato/chassis';

/** Clock ticks per second of /proc's utime and stime (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

function ticksOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The fields after the command name (in parentheses, which may hold spaces): utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return undefined;
  }
}

/** A reading: CPU ticks per backend pid of the databases named. */
export type PgCpuReading = Map<number, number>;

export async function readPgCpu(admin: Db, databases: readonly string[]): Promise<PgCpuReading | undefined> {
  const r = await admin.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = ANY($1::text[])', [databases]);
  const reading: PgCpuReading = new Map();
  for (const { pid } of r.rows) {
    const ticks = ticksOf(pid);
    if (ticks === undefined) return undefined; // not a local server
    reading.set(pid, ticks);
  }
  return reading;
}

/** Milliseconds of CPU between two readings (a backend new in the second counts from zero). */
export function pgCpuMs(before: PgCpuReading | undefined, after: PgCpuReading | undefined): number | undefined {
  if (!before || !after) return undefined;
  let ticks = 0;
  for (const [pid, t] of after) ticks += t - (before.get(pid) ?? 0);
  return (ticks * 1000) / TICKS_PER_SECOND;
}

/** CPU ms so far of the local RabbitMQ broker (its Erlang VM, `beam.smp`); undefined when none runs here. */
export function brokerCpuMs(): number | undefined {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() !== 'beam.smp') continue;
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (!cmdline.includes('rabbit')) continue;
    } catch {
      continue;
    }
    const ticks = ticksOf(Number(entry));
    return ticks === undefined ? undefined : (ticks * 1000) / TICKS_PER_SECOND;
  }
  return undefined;
}
