import { Id, Sku } from '@mercato/contracts';
import { Type, type TSchema } from '@sinclair/typebox';
import { KIND_NAMES } from '../messages/kinds.js';
import { CATEGORIES, CHANNELS } from '../preferences/preferences.js';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Timestamp = Type.String({ format: 'date-time' });
const byCategory = (value: () => TSchema, optional: boolean) =>
  Type.Object(Object.fromEntries(CATEGORIES.map((c) => [c, optional ? Type.Optional(value()) : value()])), { additionalProperties: false });

export const PreferencesSchema = Type.Object(
  {
    channels: Type.Object(Object.fromEntries(CHANNELS.map((ch) => [ch, byCategory(() => Type.Boolean(), false)])), {
      additionalProperties: false,
      description: 'Channel → category → whether such messages reach me that way',
    }),
    locked: Type.Array(Type.Object({ channel: Type.String(), category: Type.String() }, { additionalProperties: false }), {
      description: 'Choices that cannot be changed: transactional email (orders, password resets) always goes',
    }),
    sms: Type.Object(
      { available: Type.Boolean({ description: 'The shop sends SMS and a valid phone number is on my profile' }) },
      { additionalProperties: false },
    ),
    push: Type.Object({ subscriptions: Type.Integer({ minimum: 0, description: 'Browsers subscribed to push' }) }, { additionalProperties: false }),
  },
  { additionalProperties: false },
);

export const PutPreferencesBody = Type.Object(
  Object.fromEntries(CHANNELS.map((ch) => [ch, Type.Optional(byCategory(() => Type.Boolean(), true))])),
  { additionalProperties: false, description: 'Only the choices to change; the rest stay as they are' },
);

export const PushKeyParams = Type.Object({}, { additionalProperties: false });
export const PushSubscriptionBody = Type.Object(
  {
    endpoint: Type.String({ format: 'uri', maxLength: 2048, description: "The push service URL from the browser's PushSubscription" }),
    expirationTime: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 1e15 }))),
    keys: Type.Object(
      {
        p256dh: Type.String({ pattern: '^[A-Za-z0-9_-]{80,100}={0,2}$', maxLength: 100, description: "The browser's P-256 public key, base64url" }),
        auth: Type.String({ pattern: '^[A-Za-z0-9_-]{16,24}={0,2}$', maxLength: 24, description: 'The 16-byte auth secret, base64url' }),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
export const IdParams = Type.Object({ id: Id() }, { additionalProperties: false });
export const PushEndpointQuery = Type.Object(
  { endpoint: Type.String({ format: 'uri', maxLength: 2048, description: "The PushSubscription's endpoint (what the browser knows once it unsubscribes)" }) },
  { additionalProperties: false },
);
export const SkuQuery = Type.Object({ sku: Sku }, { additionalProperties: false });
export const CreatedSchema = Type.Object({ id: Id() }, { additionalProperties: false });
export const VapidKeySchema = Type.Object({ publicKey: Type.String({ description: "applicationServerKey for the browser's pushManager.subscribe()" }) }, { additionalProperties: false });

export const StockSubscriptionBody = Type.Object({ sku: Sku }, { additionalProperties: false });
export const StockSubscriptionSchema = Type.Object(
  { id: Id(), sku: Type.String(), createdAt: Timestamp, notifiedAt: Nullable(Timestamp) },
  { additionalProperties: false },
);
export const StockSubscriptionList = Type.Object({ items: Type.Array(StockSubscriptionSchema) }, { additionalProperties: false });

export const UnsubscribeQuery = Type.Object({ token: Type.String({ minLength: 10, maxLength: 300, pattern: '^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$' }) }, { additionalProperties: false });
/** The RFC 8058 POST body: `List-Unsubscribe=One-Click` (form-encoded); nothing else is needed. */
export const OneClickBody = Type.Object({ 'List-Unsubscribe': Type.Optional(Type.Literal('One-Click')) }, { additionalProperties: false });

export const UnsubscribedSchema = Type.Object(
  { unsubscribed: Type.Boolean(), channel: Type.String(), category: Type.String() },
  { additionalProperties: false, description: 'Done (a page saying so when the client accepts text/html)' },
);

/** Twilio's status callback: form fields, names and sizes bounded. */
export const TwilioCallbackBody = Type.Record(Type.String({ pattern: '^[A-Za-z][A-Za-z0-9_]{0,63}$' }), Type.String({ maxLength: 2000 }), { maxProperties: 80 });
export const TwilioHeaders = Type.Object({ 'x-twilio-signature': Type.Optional(Type.String({ maxLength: 200 })) }, { additionalProperties: true });

const Status = Type.Union(['queued', 'sent', 'failed', 'bounced', 'suppressed'].map((s) => Type.Literal(s)));
export const LogQuery = Type.Object(
  {
    userId: Type.Optional(Id('One customer')),
    orderId: Type.Optional(Id('One order')),
    status: Type.Optional(Status),
    channel: Type.Optional(Type.Union(CHANNELS.map((c) => Type.Literal(c)))),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: "The previous page's nextCursor" })),
  },
  { additionalProperties: false },
);
export const LogEntrySchema = Type.Object(
  {
    id: Id(),
    channel: Type.String(),
    template: Type.String(),
    category: Type.String(),
    recipient: Type.String(),
    userId: Nullable(Type.String()),
    orderId: Nullable(Type.String()),
    subject: Type.String(),
    status: Status,
    attempts: Type.Integer({ minimum: 0 }),
    providerId: Nullable(Type.String()),
    lastError: Nullable(Type.String()),
    resentFrom: Nullable(Type.String()),
    createdAt: Timestamp,
    sentAt: Nullable(Timestamp),
    notBefore: Nullable(Timestamp),
  },
  { additionalProperties: false },
);
export const LogPage = Type.Object({ items: Type.Array(LogEntrySchema), nextCursor: Nullable(Type.String()) }, { additionalProperties: false });

export const TemplateParams = Type.Object({ name: Type.Union(KIND_NAMES.map((k) => Type.Literal(k))) }, { additionalProperties: false });
export const PreviewQuery = Type.Object(
  { lang: Type.Optional(Type.String({ pattern: '^[a-z]{2,3}(?:-[A-Z]{2})?$', maxLength: 6, description: 'Language, e.g. en or pt-BR (falls back to English)' })) },
  { additionalProperties: false },
);
export const PreviewSchema = Type.Object(
  {
    name: Type.String(),
    subject: Type.String(),
    html: Type.String(),
    text: Type.String(),
    sms: Nullable(Type.String()),
    push: Nullable(Type.Object({ title: Type.String(), body: Type.String() }, { additionalProperties: false })),
  },
  { additionalProperties: false },
);
