-- The platform's event tables, present in every service database.

-- Transactional outbox: written in the same transaction as the state change,
-- published by the relay in seq order, marked when the bus has confirmed.
CREATE TABLE outbox (
  seq          bigserial PRIMARY KEY,
  id           text NOT NULL UNIQUE,
  type         text NOT NULL,
  subject      text NOT NULL,
  payload      json NOT NULL, -- stored as written: the relay sends this text as it is
  headers      jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at   timestamptz NOT NULL DEFAULT now(),
  published_at timestamptz,
  attempts     integer NOT NULL DEFAULT 0,
  last_error   text
);
CREATE INDEX outbox_pending ON outbox (seq) WHERE published_at IS NULL;
CREATE INDEX outbox_published_at ON outbox (published_at) WHERE published_at IS NOT NULL;

-- Inbox: one row per (handler, event) handled, inserted in the handler's own transaction,
-- so a redelivered event has no second effect.
CREATE TABLE inbox (
  consumer   text NOT NULL,
  event_id   text NOT NULL,
  type       text NOT NULL,
  handled_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (consumer, event_id)
);
CREATE INDEX inbox_handled_at ON inbox (handled_at);

-- Events whose handling failed: retried with backoff ('retrying'), then parked ('dead') for an
-- operator to inspect and replay; 'resolved' once a later attempt succeeded.
CREATE TABLE event_failures (
  id              bigserial PRIMARY KEY,
  consumer        text NOT NULL,
  event_id        text NOT NULL,
  type            text NOT NULL,
  envelope        jsonb NOT NULL,
  status          text NOT NULL CHECK (status IN ('retrying', 'dead', 'resolved')),
  attempts        integer NOT NULL,
  next_attempt_at timestamptz,
  last_error      text NOT NULL,
  first_failed_at timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  attempt_log     jsonb NOT NULL DEFAULT '[]'::jsonb,
  UNIQUE (consumer, event_id)
);
CREATE INDEX event_failures_due ON event_failures (next_attempt_at) WHERE status = 'retrying';
CREATE INDEX event_failures_status ON event_failures (status, id);
