import { generateKeyPairSync, randomBytes, sign, type JsonWebKey, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { AccessClaims, PublicJwk } from '../auth/jwt-verify.js';

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

/** A test stand-in for auth's signing key: Ed25519, a `kid`, and its JWKS entry. */
export interface TestSigner {
  kid: string;
  publicKey: KeyObject;
  privateKey: KeyObject;
  jwk: PublicJwk;
  /** A signed access token: sensible claims (sub usr_test, roles customer, 15 min) overridden by `claims`. */
  sign(claims?: Partial<AccessClaims>, header?: Record<string, unknown>): string;
}

export function createTestSigner(kid = `key_${randomBytes(4).toString('hex')}`): TestSigner {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const x = (publicKey.export({ format: 'jwk' }) as JsonWebKey).x!;
  return {
    kid,
    publicKey,
    privateKey,
    jwk: { kty: 'OKP', crv: 'Ed25519', x, kid, alg: 'EdDSA', use: 'sig' },
    sign(claims = {}, header = {}) {
      const now = Math.floor(Date.now() / 1000);
      const full = { iss: 'mercato', aud: 'mercato-api', sub: 'usr_test', roles: ['customer'], iat: now, exp: now + 900, jti: randomBytes(8).toString('hex'), ...claims };
      const input = `${b64({ alg: 'EdDSA', typ: 'JWT', kid, ...header })}.${b64(full)}`;
      return `${input}.${sign(null, Buffer.from(input), privateKey).toString('base64url')}`;
    },
  };
}

export interface TestJwksServer {
  url: string;
  /** Requests served so far. */
  hits: number;
  /** The keys served (change to rotate). */
  keys: PublicJwk[];
  /** While true, every request gets 503. */
  down: boolean;
  /** Served at `/internal/session-generations`, as auth publishes them (see SessionGenerations). */
  generations: { userId: string; generation: number; changedAt: string }[];
  close(): Promise<void>;
}

/**
 * A local HTTP server answering `GET /.well-known/jwks.json` with `keys` and
 * `GET /internal/session-generations` with `generations`, like the auth service.
 */
export async function listenJwks(keys: PublicJwk[], opts: { https?: { cert: Buffer; key: Buffer } } = {}): Promise<TestJwksServer> {
  const state = { hits: 0, keys, down: false, generations: [] as TestJwksServer['generations'] };
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    state.hits++;
    if (state.down) return void res.writeHead(503).end();
    if (req.url === '/internal/session-generations') {
      return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ items: state.generations, keepS: 960 }));
    }
    if (req.url !== '/.well-known/jwks.json') return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: state.keys }));
  };
  // Over HTTPS (the certificate given) when the platform under test runs TLS on every hop.
  const server = opts.https ? createHttpsServer(opts.https, handler) : createServer(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `${opts.https ? 'https' : 'http'}://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return Object.assign(state, {
    url,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  });
}
