// Loaded into the Artillery process (`node --import`): at exit, writes the CPU time it used (all
// its threads, µs) to the file MERCATO_LOAD_CPU_FILE names, so that the load generator's share of
// the machine is reported apart from the platform's.
import { writeFileSync } from 'node:fs';

const file = process.env.MERCATO_LOAD_CPU_FILE;
if (file) {
  process.on('exit', () => {
    const u = process.cpuUsage();
    writeFileSync(file, JSON.stringify({ user: u.user, system: u.system }));
  });
}
