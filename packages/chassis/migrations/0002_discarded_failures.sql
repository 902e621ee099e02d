-- An operator may discard a dead event: it is recorded as handled (an inbox row, so a redelivery
-- has no effect either) and kept here as 'discarded' for the record.
ALTER TABLE event_failures DROP CONSTRAINT event_failures_status_check;
ALTER TABLE event_failures ADD CONSTRAINT event_failures_status_check CHECK (status IN ('retrying', 'dead', 'resolved', 'discarded'));
