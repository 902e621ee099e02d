// The least a proxy can do, as a yardstick for the gateway: forward the path, stream the answer.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Pool } from 'undici';

/** The least a proxy can do: forward the path, stream the answer back. */
export async function startBareProxy(upstreamUrl: string): Promise<string> {
  const pool = new Pool(upstreamUrl, { connections: 128 });
  const server = createServer((req, res) => {
    pool.request({ path: req.url!.replace('/api/v1', ''), method: 'GET' }, (err, up) => {
      if (err) return void res.writeHead(502).end();
      res.writeHead(up.statusCode, { 'content-type': String(up.headers['content-type']), 'content-length': String(up.headers['content-length']) });
      up.body.pipe(res);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
