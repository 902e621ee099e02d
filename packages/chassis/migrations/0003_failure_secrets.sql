-- The secrets of an event being retried are kept apart from its stored envelope (which holds
-- '[redacted]' in their place) and dropped once the event resolves or dies.
ALTER TABLE event_failures ADD COLUMN secrets jsonb;

-- Failures stored before this carried their events' secrets in the envelope: take them out.
UPDATE event_failures SET envelope = jsonb_set(envelope, '{data,token}', '"[redacted]"')
 WHERE envelope #> '{data,token}' IS NOT NULL AND jsonb_typeof(envelope #> '{data,token}') = 'string';
UPDATE event_failures SET envelope = jsonb_set(envelope, '{data,accessToken}', '"[redacted]"')
 WHERE jsonb_typeof(envelope #> '{data,accessToken}') = 'string';
