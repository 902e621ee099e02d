// The checkout saga hop by hop, from the services' own rows: each event from its outbox row to
// every consumer's inbox row, on one PostgreSQL server and so one clock.
import type { Platform } from './distributed.js';

export interface Hop {
  name: string;
  /** ms, sorted: from the producing transaction's start to the consuming one's. */
  latencies: number[];
  /** ms, sorted: from the producing transaction's start to the relay marking it published (after the broker's confirm). */
  relay: number[];
}

/** The saga's order of events, for the report. */
const CHAIN = ['OrderPlaced', 'StockReserved', 'PaymentRequested', 'PaymentSucceeded', 'OrderConfirmed', 'StockCommitted'];

/**
 * Every event of the run, from its outbox row (`created_at`: its transaction's start) to each
 * consumer's inbox row (`handled_at`: the consuming transaction's start). One PostgreSQL server,
 * one clock. Also the payment service's own step: PaymentRequested recorded → PaymentSucceeded written.
 */
export async function hops(p: Platform, since: Date): Promise<{ hops: Hop[]; charge: number[] }> {
  type Out = { id: string; type: string; subject: string; created: Date; published: Date | null };
  const outs = new Map<string, Out & { service: string }>();
  const ins: { service: string; event_id: string; handled: Date }[] = [];
  for (const service of Object.keys(p.dbs)) {
    for (const o of await p.query<Out>(service, 'SELECT id, type, subject, created_at AS created, published_at AS published FROM outbox WHERE created_at >= $1', [since])) {
      outs.set(o.id, { ...o, service });
    }
    for (const i of await p.query<{ event_id: string; handled: Date }>(service, 'SELECT event_id, handled_at AS handled FROM inbox WHERE handled_at >= $1', [since])) {
      ins.push({ service, ...i });
    }
  }
  const byName = new Map<string, Hop>();
  const requested = new Map<string, number>();
  for (const i of ins) {
    const o = outs.get(i.event_id);
    if (!o) continue;
    const name = `${o.type} (${o.service} → ${i.service})`;
    let h = byName.get(name);
    if (!h) byName.set(name, (h = { name, latencies: [], relay: [] }));
    h.latencies.push(i.handled.getTime() - o.created.getTime());
    if (o.published) h.relay.push(o.published.getTime() - o.created.getTime());
    if (o.type === 'PaymentRequested' && i.service === 'payment') requested.set(o.subject, i.handled.getTime());
  }
  const charge: number[] = [];
  for (const o of outs.values()) {
    const at = o.type === 'PaymentSucceeded' ? requested.get(o.subject) : undefined;
    if (at !== undefined) charge.push(o.created.getTime() - at);
  }
  const rank = (h: Hop) => CHAIN.findIndex((t) => h.name.startsWith(`${t} `)) >>> 0;
  const list = [...byName.values()].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
  for (const h of list) {
    h.latencies.sort((a, b) => a - b);
    h.relay.sort((a, b) => a - b);
  }
  return { hops: list, charge: charge.sort((a, b) => a - b) };
}
