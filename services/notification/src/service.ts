import { fileURLToPath } from 'node:url';
import type { ServiceModule } from '@mercato/chassis';
import { loadNotificationConfig } from './config.js';
import { consumers } from './consumers/index.js';
import { registerDevMailboxRoutes } from './http/dev-mailbox.routes.js';
import { deliverMessagesJob } from './jobs/deliver-messages.job.js';
import { createMailer } from './mail/create-mailer.js';
import { DeliveryWorker } from './messages/deliver-messages.js';

/**
 * The notification service. Today: the email channel. Consumers turn identity, order and payment events into
 * messages in the delivery log (in the event's transaction); a delivery job sends them through
 * the configured mailer (a local mailbox folder, or SMTP) with retries.
 */
export const notificationService: ServiceModule = {
  name: 'notification',
  title: 'mercato notification service',
  migrations: fileURLToPath(new URL('../migrations', import.meta.url)),
  async create({ env, db, logger, metrics }) {
    const config = loadNotificationConfig(env);
    const mailer = createMailer(config);
    const worker = new DeliveryWorker({
      db,
      mailer,
      logger,
      from: config.from,
      retry: { maxAttempts: config.delivery.maxAttempts, baseMs: config.delivery.retryBaseMs, maxMs: config.delivery.retryMaxMs },
      leaseMs: config.delivery.leaseMs,
      batch: config.delivery.batch,
      onSend: (status, n = 1) =>
        metrics.counter('mercato_notifications_total', 'Notification sends by channel and outcome (sent, retrying, failed)', ['channel', 'status']).inc({ channel: 'email', status }, n),
    });
    // A commit in this process (a consumer queuing a message) starts a delivery pass at once;
    // the job's poll catches retries and the work of other processes.
    const unsubscribe = db.onCommit(() => worker.wake());
    logger.info({ mailer: mailer.kind, ...(mailer.kind === 'mailbox' ? { dir: config.mailboxDir } : {}) }, 'email channel ready');
    return {
      consumers: consumers({ publicUrl: config.publicUrl }),
      jobs: [deliverMessagesJob(worker, config.delivery.pollMs)],
      routes: (app) => {
        if (mailer.kind === 'mailbox') registerDevMailboxRoutes(app, db);
      },
      async onClose() {
        unsubscribe();
        await worker.stop();
        await mailer.close();
      },
    };
  },
};
