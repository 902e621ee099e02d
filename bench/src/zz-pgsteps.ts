import { readFileSync } from 'node:fs';
import { CHASSIS_MIGRATIONS, createOutbox, Db, migrate, createLogger } from '@mercato/chassis';
import { createTestDatabase } from '@mercato/chassis/testing';
import { newId } from '@mercato/contracts';
import { fileURLToPath } from 'node:url';
import { paymentsStore } from '../../services/payment/src/payments/payments.store.js';
import { sandboxStore } from '../../services/payment/src/providers/sandbox.store.js';
import { recordOutcomes } from '../../services/payment/src/payments/record-outcome.js';

const N = 200, BATCHES = Number(process.env.BATCHES ?? 20);
const tdb = await createTestDatabase('pgsteps');
const db = new Db({ url: tdb.url, poolMax: 1 });
await migrate(db, [CHASSIS_MIGRATIONS, { scope: 'payment', dir: fileURLToPath(new URL('../../services/payment/migrations', import.meta.url)) }]);
const c = await db.pool.connect();
const pid = (await c.query('SELECT pg_backend_pid() AS p')).rows[0].p;
c.release();
const ticks = () => { const s = readFileSync(`/proc/${pid}/stat`, 'utf8'); const f = s.slice(s.lastIndexOf(')') + 2).split(' '); return Number(f[11]) + Number(f[12]); };
const steps = new Map<string, number>();
const step = async <T>(name: string, f: () => Promise<T>): Promise<T> => { const t = ticks(); const r = await f(); steps.set(name, (steps.get(name) ?? 0) + ticks() - t); return r; };
const outbox = createOutbox('payment');
const listen = await db.listen('payment_work', () => undefined);
for (let b = 0; b < BATCHES; b++) {
  const list = Array.from({ length: N }, () => ({ id: newId('pay'), orderId: newId('ord'), userId: null, email: 'buyer@example.com', provider: 'sandbox' as const, paymentMethod: 'pm_card_visa', amount: 1999, currency: 'EUR', state: 'created' as const, graceSeconds: 10 }));
  await db.tx(async (tx) => {
    await step('inbox insert', () => tx.query(`INSERT INTO inbox (consumer, event_id, type) SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) ON CONFLICT DO NOTHING RETURNING consumer, event_id`, [list.map(() => 'payment.PaymentRequested'), list.map(() => newId('evt')), list.map(() => 'PaymentRequested')]));
    await step('payments insertMany+notify', () => paymentsStore.insertMany(tx, list, process.env.NO_NOTIFY ? 'x_none' : 'payment_work', null));
    await step('commit 1', async () => undefined);
  });
  const ids = list.map((p) => p.id);
  const claimed = await step('claim', () => paymentsStore.claimForCharge(db, ids, 60));
  await step('sandbox charge', () => sandboxStore.charge(db, claimed.map((p) => ({ id: newId('sbx'), idempotencyKey: p.orderId, paymentId: p.id, paymentMethod: p.paymentMethod, amount: p.amount, currency: p.currency, status: 'succeeded' as const, actionToken: null }))));
  await db.tx(async (tx) => {
    const locked = await step('select for update', () => paymentsStore.getManyForUpdate(tx, ids));
    await step('record (saveMany + outbox)', () => recordOutcomes(tx, outbox, locked.map((payment) => ({ payment, outcome: { status: 'succeeded', providerRef: 'sbx_x', chargeRef: 'sbx_x', card: { brand: 'visa', last4: '4242' } }, retrySeconds: 5 }))));
  });
  const rows = await step('relay read', () => db.query<{ seq: number }>(`SELECT seq, id, type, subject, payload::text AS body FROM outbox WHERE published_at IS NULL AND NOT (seq = ANY($2::bigint[])) ORDER BY seq LIMIT $1`, [500, []]));
  await step('relay mark', () => db.query('UPDATE outbox SET published_at = now(), attempts = attempts + 1, last_error = NULL WHERE seq = ANY($1::bigint[])', [rows.rows.map((r) => r.seq)]));
}
const total = [...steps.values()].reduce((a, b) => a + b, 0);
for (const [k, t] of steps) console.log(k.padEnd(30), ((t * 10 * 1000) / (N * BATCHES)).toFixed(1), 'µs/payment');
console.log('total (this backend)'.padEnd(30), ((total * 10 * 1000) / (N * BATCHES)).toFixed(1));
await listen.close();
await db.close();
await tdb.drop();
