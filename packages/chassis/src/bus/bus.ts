import type { Envelope } from '@mercato/contracts';

/**
 * Called for each delivered message with its parsed JSON. Resolves once the consuming service
 * has durably recorded the message (handled in its inbox, or parked for retry / dead letter).
 * Rejects only when it could record nothing (its database is down): the driver redelivers.
 */
export type DeliverFn = (message: unknown) => Promise<void>;

export interface SubscribeOptions {
  /** Messages in flight at once for this consumer group. */
  prefetch?: number;
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
  start(): Promise<void>;
  publish(events: readonly Envelope[]): Promise<void>;
  subscribe(group: string, types: readonly string[], deliver: DeliverFn, opts?: SubscribeOptions): Promise<void>;
  /** Stops taking new deliveries and waits for the ones in flight. */
  stopConsuming(): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;
}
