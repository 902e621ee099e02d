import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP relay on 127.0.0.1:`port` to a real server, to cut and restore at will: a database or a
 * broker that goes away and comes back, for one test, without touching the shared server.
 */
export interface TcpRelay {
  port: number;
  /** Listens (again) and passes connections on. */
  open(): Promise<void>;
  /** Drops every connection and stops listening: connections are refused until open(). */
  cut(): Promise<void>;
}

/** Joins `client` to a new connection to `target`, both tracked in `sockets`; either end closing closes both. */
function pipeTo(target: { host: string; port: number }, client: Socket, sockets: Set<Socket>): void {
  const upstream = connect(target.port, target.host);
  for (const s of [client, upstream]) {
    sockets.add(s);
    s.on('error', () => s.destroy());
    s.on('close', () => {
      sockets.delete(s);
      client.destroy();
      upstream.destroy();
    });
  }
  client.pipe(upstream).pipe(client);
}

export function tcpRelay(target: { host: string; port: number }, port: number): TcpRelay {
  let server: Server | undefined;
  const sockets = new Set<Socket>();
  return {
    port,
    open: () =>
      new Promise<void>((resolve, reject) => {
        if (server) return resolve();
        server = createServer((client) => pipeTo(target, client, sockets));
        server.once('error', reject);
        server.listen(port, '127.0.0.1', () => resolve());
      }),
    cut: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        if (!server) return resolve();
        server.close(() => resolve());
        server = undefined;
      }),
  };
}

/**
 * A TLS listener on 127.0.0.1 (a free port) that passes the decrypted stream to a plain server:
 * the TLS port of a server that has none here (RabbitMQ's amqps:// listener), serving the given
 * certificate. With `ca`, clients must present a certificate of that CA (mutual TLS).
 */
export async function tlsRelay(target: { host: string; port: number }, certs: { cert: string; key: string; ca?: string }): Promise<{ port: number; close(): Promise<void> }> {
  const { readFile } = await import('node:fs/promises');
  const { createServer: createTlsServer } = await import('node:tls');
  const sockets = new Set<Socket>();
  const server = createTlsServer(
    {
      cert: await readFile(certs.cert),
      key: await readFile(certs.key),
      ...(certs.ca ? { ca: await readFile(certs.ca), requestCert: true, rejectUnauthorized: true } : {}),
    },
    (client) => pipeTo(target, client, sockets),
  );
  server.on('tlsClientError', () => undefined);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return {
    port: (server.address() as { port: number }).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
