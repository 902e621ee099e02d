-- A password reset moves the user's session generation on; access tokens carry the generation
-- they were signed in (claim `sgen`), and those of an older one are refused wherever the
-- generations are known (the gateway and the services read them from auth).
ALTER TABLE credentials
  ADD COLUMN session_generation integer NOT NULL DEFAULT 0,
  ADD COLUMN session_changed_at timestamptz;
CREATE INDEX credentials_session_changed_idx ON credentials (session_changed_at) WHERE session_changed_at IS NOT NULL;

-- Requests counted per key in fixed windows, shared by every auth instance: registrations and
-- recovery requests per client address ('register:ip:…', 'recovery:ip:…') and per account
-- ('register:account:<email>', 'recovery:account:<email or user>'), known or not.
CREATE TABLE request_counters (
  key          text PRIMARY KEY,
  hits         integer NOT NULL,
  window_start timestamptz NOT NULL
);
