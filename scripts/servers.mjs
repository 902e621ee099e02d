// The real servers the integration suites talk to, and how to tell whether each is up.
import net from 'node:net';

export const SERVERS = {
  postgres: { label: 'PostgreSQL', env: 'TEST_PG_URL', url: process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' },
  rabbitmq: { label: 'RabbitMQ', env: 'TEST_AMQP_URL', url: process.env.TEST_AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672' },
  redis: { label: 'Redis', env: 'TEST_REDIS_URL', url: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379' },
};

const DEFAULT_PORTS = { 'postgres:': 5432, 'postgresql:': 5432, 'amqp:': 5672, 'amqps:': 5671, 'redis:': 6379, 'rediss:': 6379 };

export function reachable(url, timeoutMs = 1500) {
  const u = new URL(url);
  const port = Number(u.port || DEFAULT_PORTS[u.protocol]);
  return new Promise((resolve) => {
    const socket = net.connect({ host: u.hostname, port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}
