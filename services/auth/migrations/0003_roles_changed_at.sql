-- When the roles of a credential last changed (the user service's RolesChanged `occurredAt`,
-- or the time auth itself added a role). An event that happened before it is stale and ignored,
-- so a redelivered or reordered RolesChanged never brings back older roles. NULL: never changed.
ALTER TABLE credentials ADD COLUMN roles_changed_at timestamptz;
