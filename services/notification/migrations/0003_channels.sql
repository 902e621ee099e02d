-- Every channel in one delivery log. A message now has a channel (email, sms, push), the
-- template it was made from, its category, the customer and order it concerns, and a
-- dedupe_key that makes queuing idempotent (an event may fan out to several channels and
-- recipients; a resend is a new row with none).
ALTER TABLE messages DROP CONSTRAINT messages_event_id_key;
ALTER TABLE messages ALTER COLUMN event_id DROP NOT NULL;
ALTER TABLE messages
  ADD COLUMN channel     text NOT NULL DEFAULT 'email' CHECK (channel IN ('email', 'sms', 'push')),
  ADD COLUMN category    text NOT NULL DEFAULT 'transactional' CHECK (category IN ('transactional', 'account', 'marketing', 'stock_alerts')),
  ADD COLUMN user_id     text,
  ADD COLUMN order_id    text,
  ADD COLUMN locale      text,
  -- sms: {"body"}; push: {"title", "body", "url", "subscriptionId"}; email: {"unsubscribeUrl"} when it has one.
  ADD COLUMN payload     jsonb NOT NULL DEFAULT '{}',
  ADD COLUMN dedupe_key  text,
  ADD COLUMN resent_from text;
UPDATE messages SET dedupe_key = event_id || ':email';
CREATE UNIQUE INDEX messages_dedupe ON messages (dedupe_key);
ALTER TABLE messages DROP CONSTRAINT messages_status_check;
-- bounced: the provider took it and later said it could not be delivered (SMS status callback,
-- a push subscription gone); suppressed: not sent, by the hourly cap (last_error says so).
ALTER TABLE messages ADD CONSTRAINT messages_status_check CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'bounced', 'suppressed'));
CREATE INDEX messages_user ON messages (user_id, created_at DESC, id DESC) WHERE user_id IS NOT NULL;
CREATE INDEX messages_order ON messages (order_id, created_at DESC, id DESC) WHERE order_id IS NOT NULL;
CREATE INDEX messages_status ON messages (status, created_at DESC, id DESC);
CREATE INDEX messages_recent_by_recipient ON messages (recipient, channel, created_at DESC);
CREATE INDEX messages_provider ON messages (provider_message_id) WHERE provider_message_id IS NOT NULL;

-- How to reach each customer, projected from UserRegistered, UserUpdated and RolesChanged;
-- erased on UserDeleted.
CREATE TABLE contacts (
  user_id    text PRIMARY KEY,
  email      text NOT NULL,
  name       text NOT NULL,
  phone      text,
  locale     text,
  time_zone  text,
  roles      text[] NOT NULL DEFAULT '{customer}',
  updated_at timestamptz NOT NULL
);
CREATE INDEX contacts_staff ON contacts USING gin (roles);

-- A customer's choices, per channel and category; a missing row means the default (see
-- preferences.ts). Transactional email cannot be turned off.
CREATE TABLE preferences (
  user_id    text NOT NULL,
  channel    text NOT NULL CHECK (channel IN ('email', 'sms', 'push')),
  category   text NOT NULL CHECK (category IN ('transactional', 'account', 'marketing', 'stock_alerts')),
  enabled    boolean NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, channel, category),
  CHECK (enabled OR channel <> 'email' OR category <> 'transactional')
);

-- Web push subscriptions of a customer's browsers (the push service's endpoint and keys).
CREATE TABLE push_subscriptions (
  id           text PRIMARY KEY,
  user_id      text NOT NULL,
  endpoint     text NOT NULL UNIQUE,
  p256dh       text NOT NULL,
  auth         text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz
);
CREATE INDEX push_subscriptions_user ON push_subscriptions (user_id);

-- "Tell me when it is back": a customer's wish for one SKU, answered once (notified_at).
CREATE TABLE stock_subscriptions (
  id          text PRIMARY KEY,
  user_id     text NOT NULL,
  sku         text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  notified_at timestamptz
);
CREATE UNIQUE INDEX stock_subscriptions_open ON stock_subscriptions (user_id, sku) WHERE notified_at IS NULL;
CREATE INDEX stock_subscriptions_waiting ON stock_subscriptions (sku) WHERE notified_at IS NULL;
