-- Version 5: when each picture was taken, beside when it was added, and a
-- fast way to recognise an email imported twice. Nothing is dropped.

-- The capture time of an attachment (evidence.Taken). taken_source is NULL
-- until it has been worked out: for files stored before this version,
-- Redress reads it from their stored bytes the first time it opens the
-- database (app.Open), in one audited transaction; '' when nothing is
-- known. taken_at is Unix milliseconds: the instant when taken_offset_known
-- is 1, else the camera's clock reading written as if it were UTC (a time
-- without an offset is never an instant; it is placed in the case's zone
-- when it is used).
ALTER TABLE attachments ADD COLUMN taken_at INTEGER;
ALTER TABLE attachments ADD COLUMN taken_offset INTEGER NOT NULL DEFAULT 0;
ALTER TABLE attachments ADD COLUMN taken_offset_known INTEGER NOT NULL DEFAULT 0;
ALTER TABLE attachments ADD COLUMN taken_source TEXT;
ALTER TABLE attachments ADD COLUMN taken_tag TEXT NOT NULL DEFAULT '';
ALTER TABLE attachments ADD COLUMN taken_converted_from TEXT NOT NULL DEFAULT '';
CREATE INDEX attachments_taken_pending ON attachments(sha256) WHERE taken_source IS NULL;

-- Emails imported into a case, by the message's key (evidence.Mail.Key),
-- which lives in the event's details.
CREATE INDEX events_email_key ON events(case_id, json_extract(details, '$.email.key'))
    WHERE json_extract(details, '$.email.key') IS NOT NULL;
