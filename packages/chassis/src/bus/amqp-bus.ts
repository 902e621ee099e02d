import amqp from 'amqplib';
import type { Logger } from '../logger.js';
import { describeTlsError } from '../http/tls.js';
import { withParent } from '../tracing/index.js';
import { backoffDelay } from '../events/backoff.js';
import { SerializedEvent, type BusDriver, type DeliverFn, type PublishItem, type SubscribeOptions } from './bus.js';

const MAX_ACTIVE_BATCHES = 2;

/**
 * amqplib writes the frames its channels have queued one socket write (one system call, one
 * wake-up of the broker) per frame: a batch of 200 publishes cost 200 writes. Corked while its
 * multiplexer drains the channels, the socket sends what one pass gathered in one write (up to
 * the socket's buffer: a full buffer still pauses the pass until it drains). Reaches into
 * amqplib's connection (its socket and multiplexer); left as it is if their shape differs.
 */
function coalesceWrites(model: amqp.ChannelModel): void {
  const connection = (model as unknown as { connection?: { stream?: unknown; muxer?: { _readIncoming?: unknown } } }).connection;
  const stream = connection?.stream as { cork?: unknown; uncork?: unknown } | undefined;
  const muxer = connection?.muxer;
  if (!stream || typeof stream.cork !== 'function' || typeof stream.uncork !== 'function' || !muxer || typeof muxer._readIncoming !== 'function') return;
  const socket = stream as { cork(): void; uncork(): void };
  const pass = (muxer._readIncoming as () => void).bind(muxer);
  muxer._readIncoming = () => {
    socket.cork();
    try {
      pass();
    } finally {
      socket.uncork();
    }
  };
}

/** Names of the exchanges and queues under one namespace (default `mercato`). */
export function amqpNames(namespace = 'mercato') {
  return {
    events: `${namespace}.events`,
    deadLetter: `${namespace}.dead-letter`,
    queue: (group: string) => `${namespace}.${group}`,
    deadQueue: (group: string) => `${namespace}.${group}.dead`,
  };
}

interface Subscription {
  group: string;
  types: readonly string[];
  deliver: DeliverFn;
  prefetch: number;
  maxBatch: number;
  channel?: amqp.Channel;
  consumerTag?: string;
  /** Messages received and not yet handed over; they gather while batches are in flight. */
  pending: amqp.ConsumeMessage[];
  flushScheduled: boolean;
  /** Batches being handled now. */
  active: number;
  /** The batches being handled now, oldest first (acks of a batch with none older are one frame). */
  open: { ch: amqp.Channel; first: number }[];
}

export interface AmqpBusOptions {
  url: string;
  logger: Logger;
  /** Delay before a message whose delivery could not be recorded is requeued, in ms. */
  requeueDelayMs?: number;
  /** Prefix of exchange and queue names; lets several platforms (or test runs) share a broker. */
  namespace?: string;
  /** Longest wait for the broker to confirm a batch before the connection is recycled, in ms. */
  confirmTimeoutMs?: number;
  /** amqps://: the trusted roots (the shop's CA) and a client certificate. */
  tls?: { ca?: Array<string | Buffer> | Buffer; cert?: Buffer; key?: Buffer };
}

/**
 * RabbitMQ driver: one durable topic exchange routed by event type; one durable queue per
 * consuming service with a dead-letter exchange; persistent messages; publisher confirms;
 * manual acks after the consumer has recorded the event; prefetch per consumer. Reconnects
 * with backoff and re-subscribes after losing the broker.
 */
export class AmqpBus implements BusDriver {
  readonly kind = 'amqp' as const;
  private readonly opts: AmqpBusOptions;
  private connection: amqp.ChannelModel | undefined;
  private publisher: amqp.ConfirmChannel | undefined;
  private connecting: Promise<void> | undefined;
  private readonly subscriptions: Subscription[] = [];
  /** Messages received and not yet acked or nacked. */
  private inFlight = 0;
  private idle: (() => void)[] = [];
  private consuming = true;
  private closed = false;
  private reconnectAttempt = 0;
  private publishLock: Promise<void> = Promise.resolve();
  private readonly names: ReturnType<typeof amqpNames>;

  constructor(opts: AmqpBusOptions) {
    this.opts = opts;
    this.names = amqpNames(opts.namespace);
  }

  get connected(): boolean {
    return this.connection !== undefined && this.publisher !== undefined;
  }

  async start(): Promise<void> {
    await this.ensureConnected();
  }

  private async ensureConnected(): Promise<void> {
    if (this.connection && this.publisher) return;
    if (this.closed) throw new Error('bus is closed');
    this.connecting ??= this.connect().finally(() => {
      this.connecting = undefined;
    });
    await this.connecting;
  }

  private async connect(): Promise<void> {
    // Heartbeats notice a silently dead peer (15 s unless the URL says otherwise).
    const url = new URL(this.opts.url);
    if (!url.searchParams.has('heartbeat')) url.searchParams.set('heartbeat', '15');
    // No Nagle delay: a publish confirm or a small delivery waited ~40 ms for the peer's delayed
    // ACK, once per hop of every saga.
    const connection = await amqp
      .connect(url.toString(), {
        clientProperties: { connection_name: 'mercato' },
        noDelay: true,
        // amqps:// verifies the broker's certificate and host name (against the shop's CA when set).
        ...(url.protocol === 'amqps:' ? { ...this.opts.tls, servername: url.hostname, minVersion: 'TLSv1.2' } : {}),
      })
      .catch((err: unknown) => {
        // A refused certificate says why (which CA, expired, which host name), not just a code.
        const tls = describeTlsError(err);
        throw tls ? new Error(`the broker at ${url.host} was refused: ${tls}`, { cause: err }) : err;
      });
    coalesceWrites(connection);
    connection.on('error', (err: Error) => this.opts.logger.warn({ err }, 'broker connection error'));
    connection.on('close', () => {
      if (this.connection !== connection) return;
      this.opts.logger.warn('broker connection closed; reconnecting');
      this.recycle();
    });
    const publisher = await connection.createConfirmChannel();
    publisher.on('error', (err: Error) => this.opts.logger.warn({ err }, 'publish channel error'));
    await publisher.assertExchange(this.names.events, 'topic', { durable: true });
    await publisher.assertExchange(this.names.deadLetter, 'direct', { durable: true });
    this.connection = connection;
    this.publisher = publisher;
    this.reconnectAttempt = 0;
    for (const s of this.subscriptions) if (this.consuming) await this.consume(s);
  }

  private scheduleReconnect(): void {
    this.reconnectAttempt++;
    const delay = backoffDelay(this.reconnectAttempt, 200, 15_000);
    setTimeout(() => {
      if (this.closed || this.connection) return;
      this.ensureConnected().catch((err: unknown) => {
        this.opts.logger.warn({ err, attempt: this.reconnectAttempt }, 'broker reconnect failed');
        this.scheduleReconnect();
      });
    }, delay).unref();
  }

  async publish(events: readonly PublishItem[]): Promise<void> {
    if (events.length === 0) return;
    // One batch at a time on the confirm channel keeps the publish order.
    const run = this.publishLock.then(() => this.publishNow(events));
    this.publishLock = run.catch(() => undefined);
    await run;
  }

  private async publishNow(events: readonly PublishItem[]): Promise<void> {
    await this.ensureConnected();
    const ch = this.publisher!;
    for (const e of events) {
      const body = e instanceof SerializedEvent ? e.body : JSON.stringify(e);
      // Routing by type; the envelope (with its subject and trace context) travels in the body,
      // so a message has no headers table (amqplib encodes one field by field, and every
      // consumer decodes it: ~5–8 µs per publish for a copy of the subject no one read). With
      // tracing on, the publish is a span of the event's trace (the amqplib instrumentation's,
      // which puts a traceparent header on the message).
      const ok = withParent(e.traceparent, () =>
        ch.publish(this.names.events, e.type, Buffer.from(body), {
          persistent: true,
          contentType: 'application/json',
          messageId: e.id,
          type: e.type,
        }),
      );
      if (!ok) await new Promise<void>((resolve) => ch.once('drain', () => resolve()));
    }
    // A broker that went silent must not hold the relay forever: give up, recycle the
    // connection, and let the relay publish the batch again.
    let timer: NodeJS.Timeout | undefined;
    const limit = this.opts.confirmTimeoutMs ?? 15_000;
    try {
      await Promise.race([
        ch.waitForConfirms(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`broker did not confirm within ${limit} ms`)), limit);
        }),
      ]);
    } catch (err) {
      this.recycle();
      throw err;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Drops the current connection; the next use (or the reconnect timer) opens a new one. */
  private recycle(): void {
    const c = this.connection;
    if (!c) return;
    this.connection = undefined;
    this.publisher = undefined;
    for (const s of this.subscriptions) {
      s.channel = undefined;
      s.consumerTag = undefined;
      // Unacked on a dead channel: the broker delivers them again on the new one.
      this.inFlight -= s.pending.length;
      s.pending = [];
    }
    if (this.inFlight === 0) for (const resolve of this.idle.splice(0)) resolve();
    void c.close().catch(() => undefined);
    if (!this.closed) this.scheduleReconnect();
  }

  async subscribe(group: string, types: readonly string[], deliver: DeliverFn, opts: SubscribeOptions = {}): Promise<void> {
    if (this.subscriptions.some((s) => s.group === group)) throw new Error(`consumer group ${group} subscribed twice`);
    const prefetch = opts.prefetch ?? 32;
    const sub: Subscription = { group, types, deliver, prefetch, maxBatch: opts.maxBatch ?? Math.max(1, Math.ceil(prefetch / 2)), pending: [], flushScheduled: false, active: 0, open: [] };
    this.subscriptions.push(sub);
    await this.ensureConnected();
    if (!sub.channel) await this.consume(sub);
  }

  private async consume(sub: Subscription): Promise<void> {
    const ch = await this.connection!.createChannel();
    ch.on('error', (err: Error) => this.opts.logger.warn({ err, group: sub.group }, 'consumer channel error'));
    const queue = this.names.queue(sub.group);
    const deadQueue = this.names.deadQueue(sub.group);
    await ch.assertQueue(deadQueue, { durable: true });
    await ch.bindQueue(deadQueue, this.names.deadLetter, sub.group);
    await ch.assertQueue(queue, {
      durable: true,
      arguments: { 'x-dead-letter-exchange': this.names.deadLetter, 'x-dead-letter-routing-key': sub.group },
    });
    for (const type of sub.types) await ch.bindQueue(queue, this.names.events, type);
    await ch.prefetch(sub.prefetch);
    const { consumerTag } = await ch.consume(queue, (msg) => {
      if (!msg) return; // cancelled by the broker
      this.inFlight++;
      sub.pending.push(msg);
      if (!sub.flushScheduled) {
        sub.flushScheduled = true;
        setImmediate(() => this.flush(ch, sub));
      }
    });
    sub.channel = ch;
    sub.consumerTag = consumerTag;
  }

  /**
   * Hands pending messages over in batches, at most MAX_ACTIVE_BATCHES at a time: under load
   * the messages that arrive while batches are being recorded gather into the next one, so the
   * consumer commits fewer, larger transactions instead of one per trickle.
   */
  private flush(ch: amqp.Channel, sub: Subscription): void {
    sub.flushScheduled = false;
    while (sub.pending.length > 0 && sub.active < MAX_ACTIVE_BATCHES) {
      sub.active++;
      void this.handle(ch, sub, sub.pending.splice(0, sub.maxBatch)).finally(() => {
        sub.active--;
        if (sub.pending.length > 0 && sub.channel === ch) this.flush(ch, sub);
      });
    }
  }

  private async handle(ch: amqp.Channel, sub: Subscription, msgs: amqp.ConsumeMessage[]): Promise<void> {
    // A batch is a run of consecutive deliveries of its channel (pending is taken from the front).
    const batch = { ch, first: msgs[0]!.fields.deliveryTag };
    sub.open.push(batch);
    try {
      const parsed: unknown[] = [];
      const accepted: amqp.ConsumeMessage[] = [];
      for (const msg of msgs) {
        try {
          parsed.push(JSON.parse(msg.content.toString('utf8')));
          accepted.push(msg);
        } catch {
          // Not even JSON: nothing to validate or replay from; the broker's dead-letter queue keeps it.
          this.opts.logger.error({ group: sub.group, messageId: msg.properties.messageId }, 'unparseable message dead-lettered');
          ch.nack(msg, false, false);
        }
      }
      if (accepted.length === 0) return;
      try {
        await sub.deliver(parsed);
        // With no older batch of this channel still open, every delivery up to our last one is
        // settled once ours are: one ack frame for all of them. Otherwise one per message.
        if (accepted.length > 1 && sub.open.every((b) => b === batch || b.ch !== ch || b.first > batch.first)) ch.ack(accepted[accepted.length - 1]!, true);
        else for (const msg of accepted) ch.ack(msg);
      } catch (err) {
        // The consumer could not record the events (its database is down): give them back later.
        this.opts.logger.warn({ err, group: sub.group }, 'delivery not recorded; requeueing');
        await new Promise((r) => setTimeout(r, this.opts.requeueDelayMs ?? 1000));
        try {
          for (const msg of accepted) ch.nack(msg, false, true);
        } catch {
          // Channel gone: the broker redelivers unacked messages anyway.
        }
      }
    } catch (err) {
      // ack on a closed channel: the broker redelivers, the inbox absorbs the duplicate.
      this.opts.logger.warn({ err }, 'ack failed');
    } finally {
      sub.open.splice(sub.open.indexOf(batch), 1);
      this.inFlight -= msgs.length;
      if (this.inFlight === 0) for (const resolve of this.idle.splice(0)) resolve();
    }
  }

  async stopConsuming(): Promise<void> {
    this.consuming = false;
    for (const s of this.subscriptions) {
      if (s.channel && s.consumerTag) await s.channel.cancel(s.consumerTag).catch(() => undefined);
    }
    if (this.inFlight > 0) await new Promise<void>((resolve) => this.idle.push(resolve));
  }

  async ping(): Promise<void> {
    await this.ensureConnected();
    await this.publisher!.checkExchange(this.names.events);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.stopConsuming();
    await this.publishLock;
    this.closed = true;
    const c = this.connection;
    this.connection = undefined;
    this.publisher = undefined;
    if (c) await c.close().catch(() => undefined);
  }
}

/** Picks the driver from BUS_URL. */
export function isAmqpUrl(url: string): boolean {
  return url.startsWith('amqp://') || url.startsWith('amqps://');
}
