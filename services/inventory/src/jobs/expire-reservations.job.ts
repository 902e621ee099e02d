import type { Job } from '@mercato/chassis';
import type { InventoryDeps } from '../deps.js';
import { expireReservations } from '../reservations/expire-reservations.js';

/** The sweeper's poll: releases reservations past their expiry, a bounded batch per pass. */
export function expireReservationsJob(deps: InventoryDeps): Job {
  return { name: 'expire-reservations', intervalMs: deps.config.sweepIntervalMs, run: async () => void (await expireReservations(deps, deps.config.sweepBatch)) };
}
