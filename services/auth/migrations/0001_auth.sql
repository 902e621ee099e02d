-- Credentials: who may sign in, and with which roles. Profiles live in the user service.
CREATE TABLE credentials (
  user_id        text PRIMARY KEY,
  email          text NOT NULL UNIQUE CHECK (email = lower(btrim(email))),
  name           text NOT NULL,
  password_hash  text NOT NULL,
  email_verified boolean NOT NULL DEFAULT false,
  roles          text[] NOT NULL DEFAULT '{customer}',
  created_at     timestamptz NOT NULL DEFAULT now()
);

-- Opaque refresh tokens, stored only as SHA-256. A family is one sign-in: each refresh adds a
-- token to it; presenting a used token again revokes the whole family.
CREATE TABLE refresh_tokens (
  id          text PRIMARY KEY,
  family_id   text NOT NULL,
  user_id     text NOT NULL REFERENCES credentials (user_id) ON DELETE CASCADE,
  token_hash  bytea NOT NULL UNIQUE,
  expires_at  timestamptz NOT NULL,
  used_at     timestamptz,
  revoked_at  timestamptz,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_user_idx ON refresh_tokens (user_id);

-- Access-token signing keys. `next` is published before it signs, `active` signs, `retired`
-- stays published until the last token it signed has expired (retire_after).
CREATE TABLE signing_keys (
  kid             text PRIMARY KEY,
  alg             text NOT NULL DEFAULT 'EdDSA' CHECK (alg = 'EdDSA'),
  public_jwk      jsonb NOT NULL,
  private_key_enc text NOT NULL,
  state           text NOT NULL CHECK (state IN ('next', 'active', 'retired')),
  created_at      timestamptz NOT NULL DEFAULT now(),
  activated_at    timestamptz,
  retire_after    timestamptz
);
-- At most one active and one next key at any time.
CREATE UNIQUE INDEX signing_keys_one_active ON signing_keys (state) WHERE state IN ('active', 'next');
