import { createServer } from 'node:net';
import amqp from 'amqplib';
import { amqpNames } from '../bus/amqp-bus.js';

/** A port free on 127.0.0.1 now (for a process the test starts and must know the address of). */
export async function freePort(): Promise<number> {
  // The system may hand the same free port to two probes in a row (it was closed in between):
  // a cluster given one port twice starts one process on the other's port, and its readiness
  // probe is answered by the wrong service. A port this process handed out is never handed out
  // again.
  for (;;) {
    const port = await probePort();
    if (handedOut.has(port)) continue;
    handedOut.add(port);
    return port;
  }
}
const handedOut = new Set<number>();

function probePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** Removes a namespace's exchanges and the queues of `groups` (consumer groups) from the broker at `url`. */
export async function deleteBusNamespace(url: string, namespace: string, groups: readonly string[]): Promise<void> {
  const names = amqpNames(namespace);
  const conn = await amqp.connect(url);
  try {
    const ch = await conn.createChannel();
    for (const g of groups) {
      await ch.deleteQueue(names.queue(g));
      await ch.deleteQueue(names.deadQueue(g));
    }
    await ch.deleteExchange(names.events);
    await ch.deleteExchange(names.deadLetter);
    await ch.close();
  } finally {
    await conn.close();
  }
}
