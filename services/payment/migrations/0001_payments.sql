-- One payment per order: the unique order id is what makes "charge exactly once" hold even when
-- PaymentRequested is delivered many times at once. The provider idempotency key is the order id.
-- No card data is ever stored: provider ids, brand and last four only.
CREATE TABLE payments (
  id               text PRIMARY KEY,
  order_id         text NOT NULL UNIQUE,
  user_id          text,
  email            text NOT NULL,
  provider         text NOT NULL CHECK (provider IN ('sandbox', 'stripe', 'razorpay')),
  payment_method   text NOT NULL,
  amount           bigint NOT NULL CHECK (amount >= 0),
  currency         text NOT NULL,
  state            text NOT NULL CHECK (state IN ('created', 'requires_action', 'processing', 'succeeded', 'failed', 'refunded', 'partially_refunded', 'unknown')),
  -- The provider's ids: the order (Razorpay) or intent (Stripe), and the charge or payment.
  provider_ref     text,
  charge_ref       text,
  card_brand       text,
  card_last4       text CHECK (card_last4 IS NULL OR card_last4 ~ '^[0-9]{4}$'),
  next_action_url  text,
  failure_code     text,
  failure_message  text,
  captured_amount  bigint NOT NULL DEFAULT 0 CHECK (captured_amount >= 0),
  refunded_amount  bigint NOT NULL DEFAULT 0 CHECK (refunded_amount >= 0 AND refunded_amount <= captured_amount),
  -- Calls to the provider so far; the in-process charge claims a payment only at 0.
  attempts         integer NOT NULL DEFAULT 0,
  -- Nobody else touches the payment with the provider before then (reconciler leases).
  lease_until      timestamptz NOT NULL DEFAULT now(),
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX payments_charge_ref_idx ON payments (provider, charge_ref) WHERE charge_ref IS NOT NULL;
CREATE INDEX payments_provider_ref_idx ON payments (provider, provider_ref) WHERE provider_ref IS NOT NULL;
-- What the reconciler scans: payments whose outcome is not known yet (or whose customer step
-- may have been completed without the webhook reaching us).
CREATE INDEX payments_unsettled_idx ON payments (lease_until) WHERE state IN ('created', 'processing', 'unknown', 'requires_action');

-- The refunds ledger. A refund is `pending` from the moment it is accepted (it reserves its
-- amount against the capture) until the provider has answered; the sum of pending and
-- succeeded refunds never exceeds the captured amount.
CREATE TABLE refunds (
  id                 text PRIMARY KEY,
  payment_id         text NOT NULL REFERENCES payments (id),
  refund_request_id  text UNIQUE,
  amount             bigint NOT NULL CHECK (amount > 0),
  currency           text NOT NULL,
  reason             text NOT NULL,
  state              text NOT NULL CHECK (state IN ('pending', 'succeeded', 'failed')),
  provider_ref       text,
  failure_code       text,
  failure_message    text,
  requested_by       text,
  attempts           integer NOT NULL DEFAULT 0,
  lease_until        timestamptz NOT NULL DEFAULT now(),
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX refunds_payment_idx ON refunds (payment_id, created_at);
CREATE INDEX refunds_pending_idx ON refunds (lease_until) WHERE state = 'pending';

-- Each provider webhook event is handled once: its id is recorded in the transaction of its effect.
CREATE TABLE webhook_events (
  provider     text NOT NULL,
  event_id     text NOT NULL,
  type         text NOT NULL,
  received_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (provider, event_id)
);

-- The sandbox provider's own books: what it "charged" per idempotency key, so that a charge
-- whose answer was lost can be looked up, as with a real provider.
CREATE TABLE sandbox_charges (
  idempotency_key   text PRIMARY KEY,
  id                text NOT NULL UNIQUE,
  payment_id        text NOT NULL,
  payment_method    text NOT NULL,
  amount            bigint NOT NULL,
  currency          text NOT NULL,
  status            text NOT NULL CHECK (status IN ('succeeded', 'failed', 'requires_action')),
  action_token      text,
  refunded_amount   bigint NOT NULL DEFAULT 0,
  created_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sandbox_charges_payment_idx ON sandbox_charges (payment_id);

CREATE TABLE sandbox_refunds (
  idempotency_key  text PRIMARY KEY,
  id               text NOT NULL UNIQUE,
  charge_id        text NOT NULL REFERENCES sandbox_charges (id),
  amount           bigint NOT NULL,
  created_at       timestamptz NOT NULL DEFAULT now()
);
