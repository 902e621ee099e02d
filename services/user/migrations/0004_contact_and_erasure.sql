-- How a customer is reached and spoken to: language (BCP 47, e.g. de or pt-BR) and time zone
-- (IANA, e.g. Europe/Berlin). The phone is kept in E.164 from now on.
ALTER TABLE profiles ADD COLUMN locale text, ADD COLUMN time_zone text;

-- Accounts erased on request (GDPR): the id only, so that nothing recreates the profile.
CREATE TABLE erased_users (
  user_id   text PRIMARY KEY,
  erased_at timestamptz NOT NULL DEFAULT now(),
  erased_by text
);
