import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SavedAddress } from '../src/clients/buyers.js';

/**
 * Stand-ins for the services the order service calls, speaking their protocol:
 * inventory's `GET /inventory/availability`, the user service's `GET /users/me` and
 * `GET /users/me/addresses/{id}` (the caller named by the bearer token's subject, as the user
 * service would after verifying it), and the payment service's `GET /payments/providers`. Each
 * can be taken down.
 */
export interface Peers {
  url: string;
  /** Units available per SKU; a SKU not in it has plenty (1000), so tests about something else need not stock it. */
  stock: Map<string, number>;
  /** Profile emails by user id (no entry: 404, as before UserRegistered is handled). */
  emails: Map<string, string>;
  /** Saved addresses by user id. */
  addresses: Map<string, SavedAddress[]>;
  /** The providers the payment service lists (the sandbox with its test cards by default). */
  providers: { name: string; paymentMethods: { id: string }[] }[];
  /** Services answering 503. */
  down: Set<'user' | 'inventory' | 'payment'>;
  /** Requests seen, with their Authorization header. */
  seen: { path: string; authorization: string | undefined }[];
  close(): Promise<void>;
}

/** The sandbox's test cards as the payment service lists them. */
export const SANDBOX = {
  name: 'sandbox',
  paymentMethods: ['pm_card_visa', 'pm_card_mastercard', 'pm_card_chargeDeclined', 'pm_card_authenticationRequired', 'pm_card_timeout'].map((id) => ({ id })),
};

const subjectOf = (authorization: string | undefined): string | undefined => {
  const token = /^Bearer (.+)$/.exec(authorization ?? '')?.[1];
  try {
    return token ? (JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { sub: string }).sub : undefined;
  } catch {
    return undefined;
  }
};

export async function listenPeers(): Promise<Peers> {
  const peers = { stock: new Map(), emails: new Map(), addresses: new Map(), providers: [SANDBOX], down: new Set(), seen: [] } as unknown as Peers;
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url!, 'http://peer');
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': status < 400 ? 'application/json' : 'application/problem+json' }).end(JSON.stringify(body));
    };
    const problem = (status: number, code: string) => send(status, { type: `urn:mercato:problem:${code}`, code, title: code, status });
    peers.seen.push({ path: url.pathname, authorization: req.headers.authorization });
    const service = url.pathname.startsWith('/inventory/') ? 'inventory' : url.pathname.startsWith('/payments/') ? 'payment' : 'user';
    if (peers.down.has(service)) return problem(503, 'shutting_down');
    if (url.pathname === '/payments/providers') return send(200, { providers: peers.providers });
    if (url.pathname === '/inventory/availability') {
      const units = (sku: string) => peers.stock.get(sku) ?? 1000;
      return send(200, { items: url.searchParams.getAll('sku').map((sku) => ({ sku, available: units(sku), inStock: units(sku) > 0 })) });
    }
    const user = subjectOf(req.headers.authorization);
    if (!user) return problem(401, 'unauthorized');
    if (url.pathname === '/users/me') {
      const email = peers.emails.get(user);
      return email ? send(200, { id: user, email, emailVerified: true, name: 'Buyer', phone: null, roles: ['customer'] }) : problem(404, 'not_found');
    }
    const m = /^\/users\/me\/addresses\/([^/]+)$/.exec(url.pathname);
    const address = m && peers.addresses.get(user)?.find((a) => a.id === decodeURIComponent(m[1]!));
    return address ? send(200, address) : problem(404, 'not_found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  peers.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  peers.close = () => new Promise((resolve) => server.close(() => resolve()));
  return peers;
}
