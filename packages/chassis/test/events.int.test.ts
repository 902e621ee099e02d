import { skipUnless, TEST_PG_URL } from '../src/testing/index.js';
import { backboneSuite } from './backbone-suite.js';

backboneSuite('event backbone: PostgreSQL server, in-process bus', {
  serverUrl: () => TEST_PG_URL,
  bus: 'memory',
  skip: skipUnless('postgres'),
});

backboneSuite('event backbone: PostgreSQL server, RabbitMQ', {
  serverUrl: () => TEST_PG_URL,
  bus: 'amqp',
  skip: skipUnless('postgres', 'rabbitmq'),
});
