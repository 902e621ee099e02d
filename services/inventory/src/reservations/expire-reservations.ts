import type { Db, Logger, Outbox } from '@mercato/chassis';
import { releaseLocked } from './release-reservation.js';
import { reservationsStore } from './reservations.store.js';

/**
 * The sweeper: releases open reservations past their expiry, one per transaction (the
 * reservation claimed with SKIP LOCKED, so several inventory processes share the work and never
 * release one twice), up to `limit` per pass. Returns how many it released.
 */
export async function expireReservations(deps: { db: Db; outbox: Outbox; logger: Logger }, limit: number): Promise<number> {
  let released = 0;
  for (let i = 0; i < limit; i++) {
    const done = await deps.db.tx(async (tx) => {
      const reservation = await reservationsStore.claimExpired(tx);
      if (!reservation) return false;
      await releaseLocked(tx, deps.outbox, deps.logger, reservation, { reason: 'expired' });
      return true;
    });
    if (!done) break;
    released++;
  }
  if (released > 0) deps.logger.info({ released }, 'expired reservations released');
  return released;
}
