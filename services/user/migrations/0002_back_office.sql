-- The back office's customer search: a name matches on any part of it (trigram index), an email
-- on its start (profiles_email_prefix_idx); staff are found by role.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX profiles_name_trgm_idx ON profiles USING gin (lower(name) gin_trgm_ops);
CREATE INDEX profiles_roles_idx ON profiles USING gin (roles);
