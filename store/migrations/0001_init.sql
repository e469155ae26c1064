-- Redress schema, version 1. Times are Unix milliseconds, UTC.
CREATE TABLE cases (
    id                  TEXT PRIMARY KEY,
    title               TEXT NOT NULL,
    provider            TEXT NOT NULL,
    problem             TEXT NOT NULL,
    jurisdiction        TEXT NOT NULL,
    amount_minor        INTEGER NOT NULL DEFAULT 0,
    currency            TEXT NOT NULL DEFAULT '',
    incident            TEXT NOT NULL DEFAULT '',
    complainant_name    TEXT NOT NULL DEFAULT '',
    complainant_contact TEXT NOT NULL DEFAULT '',
    complainant_address TEXT NOT NULL DEFAULT '',
    account_id          TEXT NOT NULL DEFAULT '',
    remedy              TEXT NOT NULL DEFAULT '',
    language            TEXT NOT NULL,
    status              TEXT NOT NULL,
    created_at          INTEGER NOT NULL,
    updated_at          INTEGER NOT NULL,
    archived_at         INTEGER,
    version             INTEGER NOT NULL DEFAULT 1
);

-- Earlier versions of a case, kept when it is edited.
CREATE TABLE case_versions (
    case_id     TEXT NOT NULL REFERENCES cases(id),
    version     INTEGER NOT NULL,
    data        TEXT NOT NULL,
    replaced_at INTEGER NOT NULL,
    PRIMARY KEY (case_id, version)
);

CREATE TABLE events (
    id          TEXT PRIMARY KEY,
    case_id     TEXT NOT NULL REFERENCES cases(id),
    kind        TEXT NOT NULL,
    at_utc      INTEGER NOT NULL,
    at_offset   INTEGER NOT NULL,
    recorded_at INTEGER NOT NULL,
    summary     TEXT NOT NULL DEFAULT '',
    notes       TEXT NOT NULL DEFAULT '',
    reference   TEXT NOT NULL DEFAULT '',
    tags        TEXT NOT NULL DEFAULT '[]',
    details     TEXT NOT NULL DEFAULT '{}',
    version     INTEGER NOT NULL DEFAULT 1,
    updated_at  INTEGER NOT NULL,
    archived_at INTEGER
);
CREATE INDEX events_timeline ON events(case_id, at_utc, recorded_at) WHERE archived_at IS NULL;
CREATE INDEX events_case ON events(case_id);

-- Earlier versions of an event, kept when it is edited.
CREATE TABLE event_versions (
    event_id    TEXT NOT NULL REFERENCES events(id),
    version     INTEGER NOT NULL,
    data        TEXT NOT NULL,
    replaced_at INTEGER NOT NULL,
    PRIMARY KEY (event_id, version)
);

-- Original file bytes, content-addressed, split into chunks so that large
-- files stream in and out without being held in memory.
CREATE TABLE blobs (
    sha256     TEXT PRIMARY KEY,
    size       INTEGER NOT NULL,
    media_type TEXT NOT NULL,
    width      INTEGER NOT NULL DEFAULT 0,
    height     INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL
);
CREATE TABLE blob_chunks (
    sha256 TEXT NOT NULL REFERENCES blobs(sha256),
    seq    INTEGER NOT NULL,
    data   BLOB NOT NULL,
    PRIMARY KEY (sha256, seq)
);

CREATE TABLE attachments (
    id          TEXT PRIMARY KEY,
    event_id    TEXT NOT NULL REFERENCES events(id),
    sha256      TEXT NOT NULL REFERENCES blobs(sha256),
    name        TEXT NOT NULL,
    caption     TEXT NOT NULL DEFAULT '',
    imported_at INTEGER NOT NULL,
    position    INTEGER NOT NULL
);
CREATE INDEX attachments_event ON attachments(event_id, position);

-- Append-only audit log; each entry's hash covers the previous entry's hash.
CREATE TABLE audit (
    seq          INTEGER PRIMARY KEY,
    at           INTEGER NOT NULL,
    action       TEXT NOT NULL,
    entity       TEXT NOT NULL,
    entity_id    TEXT NOT NULL,
    case_id      TEXT NOT NULL DEFAULT '',
    content_hash TEXT NOT NULL,
    detail       TEXT NOT NULL,
    prev_hash    TEXT NOT NULL,
    hash         TEXT NOT NULL
);
CREATE INDEX audit_entity ON audit(entity, entity_id, seq);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

-- Full-text search. Text is stored with every CJK character as its own
-- token, so a phrase query finds any run of Chinese characters.
CREATE VIRTUAL TABLE event_fts USING fts5(body, tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE case_fts USING fts5(body, tokenize = 'unicode61 remove_diacritics 2');
