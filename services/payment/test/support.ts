import { startTestService } from '@mercato/chassis/testing';
import { createEvent, newId, type EventData } from '@mercato/contracts';
import { paymentService } from '../src/service.js';

export interface OutboxRow extends Record<string, unknown> {
  id: string;
  type: string;
  subject: string;
  payload: { data: Record<string, unknown> };
}

export interface PaymentRow extends Record<string, unknown> {
  id: string;
  order_id: string;
  state: string;
  provider_ref: string | null;
  charge_ref: string | null;
  card_brand: string | null;
  card_last4: string | null;
  next_action_url: string | null;
  failure_code: string | null;
  captured_amount: string;
  refunded_amount: string;
}

/** The payment service on a fresh database with the in-process bus, jobs running fast. */
export async function startPayment(env: Record<string, string> = {}) {
  const h = await startTestService(paymentService, {
    env: { PAYMENT_RECONCILE_INTERVAL_MS: '100', PAYMENT_UNKNOWN_RETRY_SECONDS: '0', PAYMENT_SANDBOX_DELAY_MS: '20', ...env },
    background: true,
  });
  const { svc, bus, db } = h;

  const { rows: q, count } = h;
  const outbox = (type: string, orderId?: string) =>
    q<OutboxRow>(`SELECT id, type, subject, payload FROM outbox WHERE type = $1 AND ($2::text IS NULL OR subject = $2) ORDER BY created_at, id`, [type, orderId ?? null]);
  const payment = async (orderId: string) => (await q<PaymentRow>('SELECT * FROM payments WHERE order_id = $1', [orderId]))[0];
  const requested = (over: Partial<EventData<'PaymentRequested'>> = {}) => {
    const orderId = over.orderId ?? newId('ord');
    return createEvent(
      'PaymentRequested',
      { orderId, userId: null, email: 'buyer@example.com', amount: { amount: 2599, currency: 'EUR' }, provider: 'sandbox', paymentMethod: 'pm_card_visa', ...over },
      { source: 'order', subject: orderId },
    );
  };
  const refundRequested = (orderId: string, amount: number, refundRequestId = newId('rfr'), currency = 'EUR') =>
    createEvent('RefundRequested', { orderId, refundRequestId, amount: { amount, currency }, reason: 'customer return' }, { source: 'order', subject: orderId });
  const as = (userId: string | undefined, roles: string[] = ['customer']) => (method: string, url: string, body?: unknown) =>
    h.call(userId ? { userId, roles } : null, method, url, body);
  const stop = h.stop;
  return { svc, bus, db, q, count, outbox, payment, requested, refundRequested, as, stop };
}
