import type { Envelope } from '@mercato/contracts';

/**
 * An event already serialized, as the outbox stores it: the relay hands the stored text to the
 * transport as it is, without parsing and re-serializing it.
 */
export class SerializedEvent {
  constructor(
    readonly id: string,
    readonly type: string,
    readonly subject: string,
    readonly body: string,
    /** The event's trace context (read from the stored envelope only when tracing is on). */
    readonly traceparent?: string | null,
  ) {}

  toEnvelope(): Envelope {
    return JSON.parse(this.body) as Envelope;
  }
}

export type PublishItem = Envelope | SerializedEvent;

/**
 * Called with delivered messages (parsed JSON), one or more at a time, in delivery order.
 * Resolves once the consuming service has durably recorded every one (handled in its inbox,
 * or parked for retry / dead letter). Rejects only when it could not record them (its
 * database is down): the driver then redelivers them.
 */
export type DeliverFn = (messages: readonly unknown[]) => Promise<void>;

export interface SubscribeOptions {
  /** Messages in flight at once for this consumer group. */
  prefetch?: number;
  /** Largest number of messages handed to `deliver` at once. */
  maxBatch?: number;
}

/**
 * A message bus driver. One implementation per transport (in-process, RabbitMQ; Kafka later):
 * - publish: resolves only when the transport has durably accepted every event (broker confirms;
 *   in-process: every consuming service has recorded it). Events keep their order per subject.
 *   The subject is the partition key for transports that partition.
 * - subscribe: one consumer group per service (one durable queue, one Kafka group), receiving
 *   the listed event types, at-least-once.
 */
export interface BusDriver {
  readonly kind: 'memory' | 'amqp';
  /** Whether the transport is reachable now (the broker connection is up); for health and metrics. */
  readonly connected: boolean;
  start(): Promise<void>;
  publish(events: readonly PublishItem[]): Promise<void>;
  subscribe(group: string, types: readonly string[], deliver: DeliverFn, opts?: SubscribeOptions): Promise<void>;
  /** Stops taking new deliveries and waits for the ones in flight. */
  stopConsuming(): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;
}
