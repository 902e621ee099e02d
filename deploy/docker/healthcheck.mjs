// The image's HEALTHCHECK: GET /healthz on the port of the service this container runs
// (SERVICE, its <SERVICE>_PORT or the default port), over HTTPS when it serves TLS. Exit 0 when
// it answers 200 within 2 s. Liveness only: on loopback the certificate's name is not checked.
import http from 'node:http';
import https from 'node:https';
import { readFileSync } from 'node:fs';

const DEFAULT_PORTS = { gateway: 8080, auth: 8081, user: 8082, catalog: 8083, inventory: 8084, order: 8085, payment: 8086, review: 8087, notification: 8088 };
const service = process.env.SERVICE ?? '';
const P = service.toUpperCase();
const port = Number(process.env[`${P}_PORT`] || DEFAULT_PORTS[service] || 0);
if (!port) {
  console.error(`healthcheck: SERVICE ${JSON.stringify(service)} names no service`);
  process.exit(1);
}
const tls = Boolean(process.env.TLS_CERT_FILE && process.env.TLS_KEY_FILE);
const read = (f) => (f ? readFileSync(f) : undefined);
const options = {
  host: '127.0.0.1',
  port,
  path: '/healthz',
  timeout: 2000,
  ...(tls ? { rejectUnauthorized: false, cert: read(process.env.TLS_CERT_FILE), key: read(process.env.TLS_KEY_FILE) } : {}),
};
const req = (tls ? https : http).get(options, (res) => {
  res.resume();
  process.exit(res.statusCode === 200 ? 0 : 1);
});
req.on('timeout', () => req.destroy(new Error('timeout')));
req.on('error', (err) => {
  console.error(`healthcheck: ${err.message}`);
  process.exit(1);
});
