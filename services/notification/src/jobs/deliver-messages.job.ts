import type { Job } from '@mercato/chassis';
import type { DeliveryWorker } from '../messages/deliver-messages.js';

/** The poll that sends due messages and retries; commits of this process wake it sooner. */
export function deliverMessagesJob(worker: DeliveryWorker, intervalMs: number): Job {
  return { name: 'deliver-messages', intervalMs, run: () => worker.drain() };
}
