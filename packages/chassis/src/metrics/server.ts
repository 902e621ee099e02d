import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { timingSafeEqual } from 'node:crypto';
import { renderMetrics } from './metrics.js';

export interface MetricsServerOptions {
  port: number;
  host: string;
  /** When set, GET /metrics needs `Authorization: Bearer <token>`. */
  token?: string | undefined;
}

interface Shared {
  server: Server;
  url: string;
  users: number;
}

// One metrics listener per port and process: the embedded mode's services share it (each
// registers its metrics), a service alone has its own. Closed when its last user stops.
const servers = new Map<string, Promise<Shared>>();

function authorized(header: string | undefined, token: string | undefined): boolean {
  if (!token) return true;
  const given = Buffer.from(header ?? '');
  const wanted = Buffer.from(`Bearer ${token}`);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

/**
 * Serves `GET /metrics` (Prometheus text format) on its own port, apart from the service's API:
 * the gateway never routes it, and a NetworkPolicy can open it to the monitoring namespace alone.
 * Answers the URL it listens on and a release function.
 */
export async function openMetricsServer(opts: MetricsServerOptions): Promise<{ url: string; release: () => Promise<void> }> {
  const key = `${opts.host}:${opts.port}`;
  let shared = servers.get(key);
  if (!shared) {
    shared = new Promise<Shared>((resolve, reject) => {
      const server = createServer((req, res) => {
        const path = (req.url ?? '/').split('?')[0];
        if (path !== '/metrics' || (req.method !== 'GET' && req.method !== 'HEAD')) {
          res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
          return;
        }
        if (!authorized(req.headers.authorization, opts.token)) {
          res.writeHead(401, { 'content-type': 'text/plain', 'www-authenticate': 'Bearer' }).end('unauthorized\n');
          return;
        }
        renderMetrics().then(
          ({ contentType, body }) => res.writeHead(200, { 'content-type': contentType }).end(req.method === 'HEAD' ? undefined : body),
          (err: unknown) => res.writeHead(500, { 'content-type': 'text/plain' }).end(`metrics failed: ${(err as Error).message}\n`),
        );
      });
      server.keepAliveTimeout = 65_000;
      server.once('error', (err) => {
        servers.delete(key);
        reject(err);
      });
      server.listen(opts.port, opts.host, () => {
        const a = server.address() as AddressInfo;
        const host = a.address === '0.0.0.0' || a.address === '::' ? '127.0.0.1' : a.family === 'IPv6' ? `[${a.address}]` : a.address;
        resolve({ server, url: `http://${host}:${a.port}/metrics`, users: 0 });
      });
    });
    servers.set(key, shared);
  }
  const s = await shared;
  s.users++;
  let released = false;
  return {
    url: s.url,
    release: async () => {
      if (released) return;
      released = true;
      if (--s.users > 0) return;
      servers.delete(key);
      await new Promise<void>((resolve) => {
        s.server.close(() => resolve());
        s.server.closeAllConnections();
      });
    },
  };
}
