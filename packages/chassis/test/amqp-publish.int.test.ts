import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { createEvent, newId } from '@mercato/contracts';
import amqp from 'amqplib';
import { AmqpBus, amqpNames } from '../src/bus/amqp-bus.js';
import { createLogger } from '../src/logger.js';
import { deleteBusNamespace, eventually, skipUnless, TEST_AMQP_URL, uniqueName } from '../src/testing/index.js';
import { orderPlaced } from './harness.js';

describe('RabbitMQ publishes', { skip: skipUnless('rabbitmq') }, () => {
  const namespace = uniqueName('pub');
  const bus = new AmqpBus({ url: TEST_AMQP_URL, logger: createLogger({ service: 'test', level: 'silent' }), namespace });
  after(async () => {
    await bus.close();
    await deleteBusNamespace(TEST_AMQP_URL, namespace, []);
  });

  it('sends an event persistent, with its id and type as properties and no headers table: its subject is in the envelope', async () => {
    const names = amqpNames(namespace);
    const conn = await amqp.connect(TEST_AMQP_URL);
    try {
      const ch = await conn.createChannel();
      await ch.assertExchange(names.events, 'topic', { durable: true });
      const { queue } = await ch.assertQueue('', { exclusive: true });
      await ch.bindQueue(queue, names.events, 'OrderPlaced');
      const subject = newId('ord');
      const event = createEvent('OrderPlaced', orderPlaced(subject), { source: 'order', subject });
      await bus.publish([event]);
      const msg = await eventually(async () => (await ch.get(queue, { noAck: true })) || undefined);
      assert.equal(msg.properties.messageId, event.id);
      assert.equal(msg.properties.type, 'OrderPlaced');
      assert.equal(msg.properties.contentType, 'application/json');
      assert.equal(msg.properties.deliveryMode, 2);
      assert.deepEqual(msg.properties.headers ?? {}, {});
      assert.deepEqual(JSON.parse(msg.content.toString()), event);
    } finally {
      await conn.close();
    }
  });
});
