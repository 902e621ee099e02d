// A burst of notifications through the email channel to the local mailbox: N UserRegistered
// events published at once on the in-process bus, each queued as a welcome email by its consumer
// (inbox, contact, preferences, cap, delivery log) and sent by the delivery job into the mailbox
// folder (an .eml file each, the index kept). Measured from the first publish to the last message
// marked sent; beside it, the same .eml bytes written to a folder bare (write a temp file, rename),
// one at a time as the mailbox does, in the same run.
//
//   npm run bench:notifications [-- --messages 10000]
import { mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger, MemoryBus, startService } from '@mercato/chassis';
import { createTestDatabase } from '@mercato/chassis/testing';
import { createEvent, newId } from '@mercato/contracts';
import { notificationService } from '@mercato/notification';
import { argNumber } from './support/args.js';

const MESSAGES = argNumber('messages', 10_000);

async function main(): Promise<void> {
  const db = await createTestDatabase('bench_notify');
  const mailbox = await mkdtemp(join(tmpdir(), 'mercato-bench-mailbox-'));
  const data = await mkdtemp(join(tmpdir(), 'mercato-bench-notification-'));
  const bare = await mkdtemp(join(tmpdir(), 'mercato-bench-bare-'));
  const bus = new MemoryBus();
  const svc = await startService(notificationService, {
    env: {
      LOG_LEVEL: 'silent',
      NOTIFICATION_PORT: '0',
      NOTIFICATION_DATABASE_URL: db.url,
      NOTIFICATION_MAILBOX_DIR: mailbox,
      NOTIFICATION_DATA_DIR: data,
      NOTIFICATION_DELIVERY_POLL_MS: '50',
    },
    bus,
    logger: createLogger({ service: 'notification', level: 'silent' }),
    listen: false,
  });
  bus.open();
  try {
    console.log(`notification burst: ${MESSAGES} welcome emails to the mailbox; ${cpus().length} cores (load average ${loadavg()[0]!.toFixed(1)} at start)`);
    const events = Array.from({ length: MESSAGES }, (_, i) => {
      const userId = newId('usr');
      return createEvent('UserRegistered', { userId, email: `burst${i}@example.com`, name: `Burst ${i}`, emailVerified: true, method: 'password', roles: ['customer'] }, { source: 'auth', subject: userId });
    });
    const began = performance.now();
    const cpuBefore = process.cpuUsage();
    // As the relay publishes: runs of events, each handed to the bus as one delivery.
    for (let i = 0; i < events.length; i += 500) await bus.publish(events.slice(i, i + 500));
    const queued = performance.now();
    for (;;) {
      const r = await svc.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM messages WHERE status = 'sent'`);
      if (r.rows[0]!.n >= MESSAGES) break;
      await new Promise((res) => setTimeout(res, 50));
    }
    const done = performance.now();
    const cpu = process.cpuUsage(cpuBefore);
    const failed = (await svc.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM messages WHERE status <> 'sent'`)).rows[0]!.n;

    // The bare yardstick: the same files, written as the mailbox writes them.
    const files = (await readdir(mailbox)).filter((f) => f.endsWith('.eml'));
    const contents = await Promise.all(files.map((f) => readFile(join(mailbox, f))));
    const bareBegan = performance.now();
    for (let i = 0; i < contents.length; i++) {
      const tmp = join(bare, `.${i}.eml.tmp`);
      await writeFile(tmp, contents[i]!, { mode: 0o600 });
      await rename(tmp, join(bare, `${i}.eml`));
    }
    const bareMs = performance.now() - bareBegan;

    const rate = MESSAGES / ((done - began) / 1000);
    const bareRate = contents.length / (bareMs / 1000);
    console.log('');
    console.log(`  events consumed and queued   ${((queued - began) / 1000).toFixed(2)} s  (${(MESSAGES / ((queued - began) / 1000)).toFixed(0)} events/s)`);
    console.log(`  burst to the mailbox         ${rate.toFixed(0)} messages/s  (${((done - began) / 1000).toFixed(2)} s from first event to last sent; ${files.length} .eml files, ${failed} not sent)`);
    console.log(`  CPU of this process          ${((cpu.user + cpu.system) / MESSAGES).toFixed(0)} µs per message  (the service's consumers and delivery job, the bus, and this script's polling; PostgreSQL not counted)`);
    console.log(`  the same files written bare  ${bareRate.toFixed(0)} files/s  (${(bareMs / 1000).toFixed(2)} s)`);
    console.log(`  ratio burst / bare           ${(rate / bareRate).toFixed(2)}`);
    if (failed > 0 || files.length !== MESSAGES) process.exitCode = 1;
  } finally {
    await svc.stop();
    await bus.close();
    await db.drop();
    await Promise.all([mailbox, data, bare].map((d) => rm(d, { recursive: true, force: true })));
  }
}

await main();
