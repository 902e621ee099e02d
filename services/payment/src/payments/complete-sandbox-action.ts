import type { PaymentDeps } from '../deps.js';
import type { Payment } from './payment.js';
import { PaymentNotFound } from './payment.errors.js';
import { paymentsStore } from './payments.store.js';
import { recordOutcome } from './record-outcome.js';

/**
 * The customer finished (or abandoned) the sandbox's extra step: the sandbox settles its charge
 * and the payment moves on, in one transaction, as a provider webhook would move it.
 * A wrong or used token answers as if the payment did not exist.
 */
export async function completeSandboxAction(deps: PaymentDeps, paymentId: string, token: string, outcome: 'succeeded' | 'failed'): Promise<Payment> {
  const sandbox = deps.sandbox;
  const charge = sandbox && (await sandbox.actionCharge(paymentId, token));
  if (!sandbox || !charge) throw new PaymentNotFound();
  return deps.db.tx(async (tx) => {
    const p = await paymentsStore.getForUpdate(tx, paymentId);
    if (!p) throw new PaymentNotFound();
    const result = await sandbox.settleAction(tx, charge, outcome);
    if (!result) return p;
    return recordOutcome(tx, deps.outbox, p, result, deps.config.chargeLeaseSeconds);
  });
}
