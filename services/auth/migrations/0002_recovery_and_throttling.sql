-- Single-use secrets sent by email (password reset, email verification), stored only as SHA-256.
CREATE TABLE one_time_tokens (
  token_hash  bytea PRIMARY KEY,
  purpose     text NOT NULL CHECK (purpose IN ('password_reset', 'email_verification')),
  user_id     text NOT NULL REFERENCES credentials (user_id) ON DELETE CASCADE,
  expires_at  timestamptz NOT NULL,
  used_at     timestamptz,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX one_time_tokens_user_idx ON one_time_tokens (user_id, purpose);

-- Failed sign-ins, one counter per key ('account:<email>' or 'ip:<address>') with the start of
-- its window, shared by every auth instance. A row for an unknown email looks like any other.
CREATE TABLE login_throttles (
  key             text PRIMARY KEY,
  failures        integer NOT NULL,
  window_start    timestamptz NOT NULL,
  last_failure_at timestamptz NOT NULL,
  locked_until    timestamptz
);
