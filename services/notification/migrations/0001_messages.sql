-- The delivery log: one row per message to send. A consumer inserts the row in the same
-- transaction as its inbox row; the delivery job sends it later. event_id is UNIQUE so a
-- redelivered event never queues a second message.
--
-- next_attempt_at means: for 'pending', when the next attempt is due; for 'sending', when the
-- lease of the process that claimed it runs out (after which another process may retry it).
CREATE TABLE messages (
  id                  text PRIMARY KEY,
  event_id            text NOT NULL UNIQUE,
  kind                text NOT NULL,
  recipient           text NOT NULL,
  subject             text NOT NULL,
  html                text NOT NULL,
  text                text NOT NULL,
  status              text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
  attempts            integer NOT NULL DEFAULT 0,
  next_attempt_at     timestamptz NOT NULL DEFAULT now(),
  last_error          text,
  created_at          timestamptz NOT NULL DEFAULT now(),
  sent_at             timestamptz,
  provider_message_id text
);

-- What the delivery job scans: only the messages still to send.
CREATE INDEX messages_due ON messages (next_attempt_at) WHERE status IN ('pending', 'sending');
-- The delivery log, newest first (the development mailbox page, later the admin log).
CREATE INDEX messages_created ON messages (created_at DESC);
