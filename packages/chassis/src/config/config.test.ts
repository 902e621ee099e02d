import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, loadServiceSettings } from './config.js';

const base = { ORDER_DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/mercato_order' };

describe('service configuration', () => {
  it('gives the embedded defaults when only the database is named', () => {
    const s = loadServiceSettings('order', base);
    assert.equal(s.port, 8085);
    assert.equal(s.host, '127.0.0.1');
    assert.equal(s.busUrl, 'memory://');
    assert.equal(s.redisUrl, undefined);
    assert.equal(s.dbPoolMax, 10);
    assert.equal(s.logLevel, 'info');
  });

  it('coerces and applies every variable', () => {
    const s = loadServiceSettings('order', { ...base, ORDER_PORT: '9000', BUS_URL: 'amqp://guest:guest@mq:5672', DB_POOL_MAX: '25', LOG_LEVEL: 'debug' });
    assert.deepEqual([s.port, s.busUrl, s.dbPoolMax, s.logLevel], [9000, 'amqp://guest:guest@mq:5672', 25, 'debug']);
  });

  const failures: [string, Record<string, string>, RegExp][] = [
    ['a missing database URL', {}, /^Configuration error: ORDER_DATABASE_URL is missing; expected a postgres:\/\/ URL/],
    ['a port that is not a number', { ...base, ORDER_PORT: 'abc' }, /^Configuration error: ORDER_PORT is invalid \(got "abc"\); expected the HTTP port: an integer from 0 to 65535$/],
    ['a port out of range', { ...base, ORDER_PORT: '70000' }, /ORDER_PORT is invalid \(got "70000"\)/],
    ['an unknown bus', { ...base, BUS_URL: 'kafka://broker:9092' }, /BUS_URL is invalid \(got "kafka:\/\/broker:9092"\); expected memory:\/\/ \(in-process\) or an amqp:\/\/ RabbitMQ URL/],
    ['a log level that does not exist', { ...base, LOG_LEVEL: 'loud' }, /LOG_LEVEL is invalid \(got "loud"\); expected one of fatal, error/],
    ['a short operator token', { ...base, OPS_TOKEN: 'short' }, /OPS_TOKEN is invalid .*at least 24 characters/],
  ];
  for (const [what, env, message] of failures) {
    it(`stops at ${what} with one line naming the variable`, () => {
      assert.throws(
        () => loadServiceSettings('order', env),
        (err: unknown) => err instanceof ConfigError && message.test(err.message) && !err.message.includes('\n'),
      );
    });
  }

  it('reads each service under its own prefix', () => {
    const s = loadServiceSettings('catalog', { CATALOG_DATABASE_URL: 'postgres://x/y', CATALOG_PORT: '7000', ORDER_PORT: '1' });
    assert.equal(s.port, 7000);
    assert.equal(s.databaseUrl, 'postgres://x/y');
  });
});
