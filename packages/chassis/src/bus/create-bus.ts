import type { Logger } from '../logger.js';
import { AmqpBus, isAmqpUrl, type AmqpBusOptions } from './amqp-bus.js';
import type { BusDriver } from './bus.js';
import { MemoryBus } from './memory-bus.js';

/** BUS_URL picks the driver: memory:// (in-process) or amqp(s):// (RabbitMQ, names under `namespace`). */
export function createBus(url: string, logger: Logger, namespace?: string, tls?: AmqpBusOptions['tls']): BusDriver {
  if (url.startsWith('memory://')) return new MemoryBus();
  if (isAmqpUrl(url)) return new AmqpBus({ url, logger, namespace, ...(tls ? { tls } : {}) });
  throw new Error(`BUS_URL ${url} names no supported driver (memory://, amqp://)`);
}
