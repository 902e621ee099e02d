-- Sign-in with an external provider (Google, Facebook).

-- One row per started sign-in, known only by the SHA-256 of its `state`: the PKCE verifier and
-- the OpenID nonce stay here, never in the browser. Single use (used_at), expiring after 10 min.
CREATE TABLE oauth_states (
  state_hash    bytea PRIMARY KEY,
  provider      text NOT NULL CHECK (provider IN ('google', 'facebook')),
  code_verifier text NOT NULL,
  nonce         text,
  expires_at    timestamptz NOT NULL,
  used_at       timestamptz,
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX oauth_states_expires_idx ON oauth_states (expires_at);

-- A provider's account (its stable subject id) linked to one of ours.
CREATE TABLE oauth_links (
  provider   text NOT NULL CHECK (provider IN ('google', 'facebook')),
  subject    text NOT NULL,
  user_id    text NOT NULL REFERENCES credentials (user_id) ON DELETE CASCADE,
  email      text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (provider, subject)
);
CREATE INDEX oauth_links_user_idx ON oauth_links (user_id);
