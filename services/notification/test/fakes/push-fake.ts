import { createECDH, createPublicKey, randomBytes, verify, type ECDH } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import ece from 'http_ece';
import { generate } from 'selfsigned';

/**
 * A local push service, checking what a real one checks: the VAPID JWT (RFC 8292: ES256 signed
 * by the key in `k`, `aud` the endpoint's origin, `exp` within 24 hours, a `sub` contact) and an
 * RFC 8291 aes128gcm body, which it decrypts as the browser would, with the browser's own keys.
 * Each browser is an endpoint `/push/<n>` with its ECDH keys; one can be made to answer 410 Gone.
 */
export interface FakeBrowser {
  endpoint: string;
  keys: { p256dh: string; auth: string };
  ecdh: ECDH;
  authSecret: Buffer;
  /** Decrypted payloads received. */
  received: Array<Record<string, unknown>>;
  /** Answer 410 Gone from now on (the user revoked permission). */
  gone: boolean;
}

export interface PushFake {
  url: string;
  /** The PEM of the fake's self-signed certificate: the CA the service must trust to reach it. */
  ca: string;
  browser(): FakeBrowser;
  /** Requests refused, with why (a bad JWT, a bad body). */
  refused: string[];
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Checks a VAPID Authorization header for `origin`; answers why not, or undefined when good. */
export function checkVapid(header: string | undefined, origin: string): string | undefined {
  const m = /^vapid t=([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+), k=([A-Za-z0-9_-]+)$/.exec(header ?? '');
  if (!m) return 'no vapid authorization';
  const [h, p, s] = m[1]!.split('.') as [string, string, string];
  const head = JSON.parse(Buffer.from(h, 'base64url').toString()) as { alg?: string; typ?: string };
  if (head.alg !== 'ES256') return `alg ${head.alg}`;
  const point = Buffer.from(m[2]!, 'base64url');
  if (point.length !== 65 || point[0] !== 4) return 'k is not an uncompressed P-256 point';
  const key = createPublicKey({ key: { kty: 'EC', crv: 'P-256', x: point.subarray(1, 33).toString('base64url'), y: point.subarray(33).toString('base64url') }, format: 'jwk' });
  if (!verify('sha256', Buffer.from(`${h}.${p}`), { key, dsaEncoding: 'ieee-p1363' }, Buffer.from(s, 'base64url'))) return 'bad signature';
  const claims = JSON.parse(Buffer.from(p, 'base64url').toString()) as { aud?: string; exp?: number; sub?: string };
  const now = Math.floor(Date.now() / 1000);
  if (claims.aud !== origin) return `aud ${claims.aud}`;
  if (typeof claims.exp !== 'number' || claims.exp < now || claims.exp > now + 24 * 3600) return 'exp out of range';
  if (!/^(mailto:|https:)/.test(claims.sub ?? '')) return 'no sub contact';
  return undefined;
}

export async function startPushFake(): Promise<PushFake> {
  // Push services speak HTTPS only; this one has a certificate for 127.0.0.1 made here.
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], { keyType: 'ec' });
  const browsers = new Map<string, FakeBrowser>();
  const refused: string[] = [];
  let origin = '';
  const server = createServer({ key: pems.private, cert: pems.cert }, async (req, res) => {
    const browser = browsers.get(req.url ?? '');
    if (req.method !== 'POST' || !browser) return void res.writeHead(404).end();
    const body = await readBody(req);
    if (browser.gone) return void res.writeHead(410).end();
    const why = checkVapid(req.headers.authorization, origin);
    if (why) {
      refused.push(why);
      return void res.writeHead(403).end(why);
    }
    if (req.headers['content-encoding'] !== 'aes128gcm' || !req.headers.ttl) {
      refused.push('content-encoding or TTL');
      return void res.writeHead(400).end();
    }
    try {
      const plain = ece.decrypt(body, { version: 'aes128gcm', privateKey: browser.ecdh, authSecret: browser.authSecret.toString('base64url') });
      browser.received.push(JSON.parse(plain.toString('utf8')) as Record<string, unknown>);
    } catch (err) {
      refused.push(`decrypt: ${(err as Error).message}`);
      return void res.writeHead(400).end();
    }
    res.writeHead(201, { location: `${origin}/messages/${randomBytes(8).toString('hex')}` }).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: origin,
    ca: pems.cert,
    refused,
    browser() {
      const ecdh = createECDH('prime256v1');
      ecdh.generateKeys();
      const authSecret = randomBytes(16);
      const path = `/push/${browsers.size + 1}`;
      const b: FakeBrowser = {
        endpoint: `${origin}${path}`,
        keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: authSecret.toString('base64url') },
        ecdh,
        authSecret,
        received: [],
        gone: false,
      };
      browsers.set(path, b);
      return b;
    },
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
