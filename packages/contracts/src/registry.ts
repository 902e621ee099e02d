import type { Static, TSchema } from '@sinclair/typebox';
import * as catalog from './events/catalog.js';
import * as identity from './events/identity.js';
import * as inventory from './events/inventory.js';
import * as order from './events/order.js';
import * as payment from './events/payment.js';
import * as review from './events/review.js';

/**
 * Every event of the platform: type → version → schema of `data`.
 * A breaking change adds a version; consumers name the versions they accept.
 */
export const EVENTS = {
  UserRegistered: { 1: identity.UserRegisteredV1 },
  PasswordResetRequested: { 1: identity.PasswordResetRequestedV1 },
  PasswordChanged: { 1: identity.PasswordChangedV1 },
  EmailVerificationRequested: { 1: identity.EmailVerificationRequestedV1 },
  EmailVerified: { 1: identity.EmailVerifiedV1 },
  UserUpdated: { 1: identity.UserUpdatedV1, 2: identity.UserUpdatedV2 },
  UserDeleted: { 1: identity.UserDeletedV1 },
  RolesChanged: { 1: identity.RolesChangedV1 },
  ProductCreated: { 1: catalog.ProductCreatedV1 },
  ProductUpdated: { 1: catalog.ProductUpdatedV1 },
  ProductDeleted: { 1: catalog.ProductDeletedV1 },
  PriceChanged: { 1: catalog.PriceChangedV1 },
  ReviewSummaryChanged: { 1: catalog.ReviewSummaryChangedV1 },
  ReviewPublished: { 1: review.ReviewPublishedV1 },
  ReviewRejected: { 1: review.ReviewRejectedV1 },
  StockReserved: { 1: inventory.StockReservedV1 },
  StockRejected: { 1: inventory.StockRejectedV1 },
  StockReleased: { 1: inventory.StockReleasedV1 },
  StockCommitted: { 1: inventory.StockCommittedV1 },
  LowStock: { 1: inventory.LowStockV1 },
  StockReplenished: { 1: inventory.StockReplenishedV1 },
  OrderPlaced: { 1: order.OrderPlacedV1 },
  PaymentRequested: { 1: order.PaymentRequestedV1 },
  OrderConfirmed: { 1: order.OrderConfirmedV1 },
  OrderCancelled: { 1: order.OrderCancelledV1 },
  OrderShipped: { 1: order.OrderShippedV1 },
  OrderDelivered: { 1: order.OrderDeliveredV1 },
  RefundRequested: { 1: order.RefundRequestedV1 },
  CartAbandoned: { 1: order.CartAbandonedV1 },
  PaymentSucceeded: { 1: payment.PaymentSucceededV1 },
  PaymentFailed: { 1: payment.PaymentFailedV1 },
  PaymentActionRequired: { 1: payment.PaymentActionRequiredV1 },
  Refunded: { 1: payment.RefundedV1 },
} as const satisfies Record<string, Record<number, TSchema>>;

export type EventType = keyof typeof EVENTS;
type Versions<T extends EventType> = (typeof EVENTS)[T];
export type LatestVersion<T extends EventType> = Extract<keyof Versions<T>, number>;

/** The `data` of event `T` at version `V` (the latest when omitted). */
export type EventData<T extends EventType, V extends keyof Versions<T> = LatestVersion<T>> =
  Versions<T>[V] extends TSchema ? Static<Versions<T>[V]> : never;

export const EVENT_TYPES = Object.keys(EVENTS) as EventType[];

export function isEventType(value: string): value is EventType {
  return Object.prototype.hasOwnProperty.call(EVENTS, value);
}

const latest = new Map<EventType, number>();

export function latestVersion(type: EventType): number {
  let v = latest.get(type);
  if (v === undefined) {
    v = Math.max(...Object.keys(EVENTS[type]).map(Number));
    latest.set(type, v);
  }
  return v;
}

export function schemaOf(type: string, version: number): TSchema | undefined {
  if (!isEventType(type)) return undefined;
  return (EVENTS[type] as Record<number, TSchema>)[version];
}
