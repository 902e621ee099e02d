import { readFile } from 'node:fs/promises';
import { Agent } from 'node:https';
import { fileURLToPath } from 'node:url';
import { createAuthenticator, loadAccessTokenSettings, type ServiceModule } from '@mercato/chassis';
import type { Channel } from './channels/channel.js';
import { EmailChannel } from './channels/email-channel.js';
import { generateVapidKeys, PushChannel } from './channels/push-channel.js';
import { SmsChannel } from './channels/sms-channel.js';
import { loadNotificationConfig } from './config.js';
import { consumers } from './consumers/index.js';
import type { NotificationDeps } from './deps.js';
import { registerRoutes } from './http/routes.js';
import { deliverMessagesJob } from './jobs/deliver-messages.job.js';
import { createMailer } from './mail/create-mailer.js';
import { DeliveryWorker } from './messages/deliver-messages.js';
import { queuedMessages } from './messages/message.store.js';
import type { NotifyContext } from './messages/notify.js';
import type { ChannelName } from './preferences/preferences.js';
import { UnsubscribeTokens } from './preferences/unsubscribe-token.js';
import { pushSubscriptionsStore } from './push/push-subscriptions.store.js';
import { ensureSecretFile, randomSecret } from './secrets.js';
import { TemplateSet } from './templates/template-set.js';

/**
 * The notification service: email, SMS and web push behind one channel interface. Consumers turn
 * identity, order, payment and stock events into messages in the delivery log (in the event's
 * transaction), per the customer's preferences, language, caps and quiet hours; a delivery job
 * sends them through each channel with retries. See README.md.
 */
export const notificationService: ServiceModule = {
  name: 'notification',
  title: 'mercato notification service',
  migrations: fileURLToPath(new URL('../migrations', import.meta.url)),
  async create({ env, db, logger, metrics }) {
    const config = loadNotificationConfig(env);
    const authenticator = createAuthenticator({ settings: loadAccessTokenSettings(env), logger });
    const mailer = createMailer(config);
    const signingSecret = config.signingSecret ?? (await ensureSecretFile(config.dataDir, 'signing-secret', randomSecret));
    const vapid = config.vapid ?? (JSON.parse(await ensureSecretFile(config.dataDir, 'vapid-keys.json', () => JSON.stringify(generateVapidKeys()))) as { publicKey: string; privateKey: string });
    const pushAgent = config.pushCaFile ? new Agent({ keepAlive: true, ca: await readFile(config.pushCaFile, 'utf8') }) : undefined;
    const timeoutMs = Math.min(30_000, Math.floor(config.delivery.leaseMs / 3));
    const sms = config.sms ? new SmsChannel({ ...config.sms, statusCallbackUrl: `${config.publicUrl}/api/v1/notifications/sms/status`, timeoutMs }) : undefined;
    const channels: Partial<Record<ChannelName, Channel>> = {
      email: new EmailChannel(mailer, config.from),
      push: new PushChannel({ ...vapid, subject: config.vapidSubject }, (id) => pushSubscriptionsStore.get(db, id), timeoutMs, pushAgent),
      ...(sms ? { sms } : {}),
    };
    const worker = new DeliveryWorker({
      db,
      channels,
      logger,
      retry: { maxAttempts: config.delivery.maxAttempts, baseMs: config.delivery.retryBaseMs, maxMs: config.delivery.retryMaxMs },
      leaseMs: config.delivery.leaseMs,
      batch: config.delivery.batch,
      concurrency: config.delivery.concurrency,
      onSend: (status, n = 1, channel = 'email') =>
        metrics.counter('mercato_notifications_total', 'Notification sends by channel and outcome (sent, retrying, failed, bounced)', ['channel', 'status']).inc({ channel, status }, n),
    });
    const unsubscribe = new UnsubscribeTokens(Buffer.from(signingSecret));
    const notify: NotifyContext = {
      publicUrl: config.publicUrl,
      templates: new TemplateSet({ overrideDir: config.templatesDir }),
      capPerHour: config.capPerHour,
      transactionalCapPerHour: config.transactionalCapPerHour,
      quietHours: config.quietHours,
      enabledChannels: new Set(Object.keys(channels) as ChannelName[]),
      unsubscribeUrl: (userId, category) => `${config.publicUrl}/api/v1/notifications/unsubscribe?token=${unsubscribe.sign(userId, category)}`,
    };
    const deps: NotificationDeps = {
      db,
      logger,
      config,
      authenticator,
      notify,
      unsubscribe,
      worker,
      vapidPublicKey: vapid.publicKey,
      sms,
      mailboxToken: mailer.kind === 'mailbox' ? config.mailboxToken : undefined,
    };
    // A commit in this process (a consumer queuing a message) starts a delivery pass at once;
    // the job's poll catches retries, quiet hours ending and the work of other processes.
    const stopWaking = db.onCommit((tx) => {
      if (queuedMessages(tx)) worker.wake();
    });
    logger.info({ mailer: mailer.kind, sms: !!sms, ...(mailer.kind === 'mailbox' ? { dir: config.mailboxDir } : {}) }, 'channels ready');
    return {
      consumers: consumers(notify),
      jobs: [deliverMessagesJob(worker, config.delivery.pollMs)],
      routes: (app) => registerRoutes(app, deps, mailer.kind === 'mailbox'),
      async onClose() {
        stopWaking();
        await worker.stop();
        await Promise.all(Object.values(channels).map((c) => c.close()));
      },
    };
  },
};
