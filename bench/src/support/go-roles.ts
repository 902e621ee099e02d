// Child processes that get ready, then wait for the coordinator's "go" before doing their work,
// so that only the work itself is timed.
import { fork, type ChildProcess } from 'node:child_process';
import { Db, OutboxRelay, AmqpBus, type Logger } from '@mercato/chassis';
import { TEST_AMQP_URL } from '@mercato/chassis/testing';

type Go = { go: true };

/** In a child: resolves when the coordinator says go. */
export const waitForGo = (): Promise<void> => new Promise<void>((resolve) => process.once('message', (m: Go) => m.go && resolve()));

/** Forks `script` with `args` (and node options `execArgv`); resolves once the child reports ready. `done` settles when it exits. */
export async function forkGoRole(script: string, args: string[], execArgv: string[] = []): Promise<{ proc: ChildProcess; go: () => void; done: Promise<void> }> {
  const proc = fork(script, args, { execArgv: ['--conditions=source', '--import', 'tsx', ...execArgv] });
  const done = new Promise<void>((resolve, reject) => proc.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${args[1]} exited with ${code}`)))));
  await new Promise<void>((resolve, reject) => {
    proc.once('message', () => resolve());
    proc.once('exit', (code) => reject(new Error(`${args[1]} exited with ${code} before it was ready`)));
  });
  return { proc, go: () => proc.send({ go: true }), done };
}

/** In a child: on go, relays everything in the outbox of `dbUrl` to RabbitMQ under `namespace`, then exits. */
export async function relayProducer(namespace: string, dbUrl: string, batchSize: number, logger: Logger): Promise<void> {
  const db = new Db({ url: dbUrl, poolMax: 4 });
  const bus = new AmqpBus({ url: TEST_AMQP_URL, logger, namespace });
  await bus.start();
  const relay = new OutboxRelay({ db, bus, logger, batchSize });
  process.send!({ ready: true });
  await waitForGo();
  await relay.drain();
  await bus.close();
  await db.close();
}
