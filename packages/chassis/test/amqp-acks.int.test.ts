import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import amqp from 'amqplib';
import { AmqpBus, amqpNames } from '../src/bus/amqp-bus.js';
import { SerializedEvent } from '../src/bus/bus.js';
import { createLogger } from '../src/logger.js';
import { deleteBusNamespace, eventually, skipUnless, TEST_AMQP_URL, uniqueName } from '../src/testing/index.js';

// Deliveries are acked in one frame per batch when no older batch of the channel is still open;
// a younger batch recorded first must never settle the deliveries of an older one.
describe('RabbitMQ acks of delivered batches', { skip: skipUnless('rabbitmq') }, () => {
  const namespace = uniqueName('acks');
  const bus = new AmqpBus({ url: TEST_AMQP_URL, logger: createLogger({ service: 'test', level: 'silent' }), namespace, requeueDelayMs: 20 });
  after(async () => {
    await bus.close();
    await deleteBusNamespace(TEST_AMQP_URL, namespace, ['acks']);
  });

  it('redelivers an older batch that failed after a younger one was recorded, and acks everything once recorded', async () => {
    const recorded = new Map<string, number>();
    const calls: string[][] = [];
    let youngerDone!: () => void;
    const younger = new Promise<void>((r) => (youngerDone = r));
    await bus.subscribe(
      'acks',
      ['OrderPlaced'],
      async (messages) => {
        const ids = (messages as { id: string }[]).map((m) => m.id);
        calls.push(ids);
        if (calls.length === 1) {
          // The oldest batch: fails only once the younger one has been recorded and acked.
          await younger;
          await new Promise((r) => setTimeout(r, 50));
          throw new Error('the database is down');
        }
        for (const id of ids) recorded.set(id, (recorded.get(id) ?? 0) + 1);
        if (calls.length === 2) youngerDone();
      },
      { prefetch: 10, maxBatch: 2 },
    );
    const ids = Array.from({ length: 4 }, (_, i) => `evt_${i}`);
    await bus.publish(ids.map((id) => new SerializedEvent(id, 'OrderPlaced', 'ord_1', JSON.stringify({ id }))));
    await eventually(() => ids.every((id) => recorded.has(id)));
    const failed = calls[0]!;
    assert.ok(failed.length > 0);
    for (const id of failed) assert.equal(recorded.get(id), 1, `${id} of the failed batch was delivered again and recorded`);
    // Everything was acked: once the consumer is gone, nothing is left in its queue.
    await bus.close();
    const conn = await amqp.connect(TEST_AMQP_URL);
    try {
      const ch = await conn.createChannel();
      assert.equal((await ch.checkQueue(amqpNames(namespace).queue('acks'))).messageCount, 0);
    } finally {
      await conn.close();
    }
  });
});
