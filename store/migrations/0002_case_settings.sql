-- Version 2: per-case escalation settings, checklist state, holiday
-- calendars, letter drafts and generated dossiers. Nothing is dropped.

-- A user's override of one escalation rule's window for one case.
CREATE TABLE case_overrides (
    case_id    TEXT NOT NULL REFERENCES cases(id),
    rule_id    TEXT NOT NULL,
    span       TEXT NOT NULL,           -- e.g. "15bd", "48h", "8w", "6mo"
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (case_id, rule_id)
);

-- Checklist items ticked by hand (most are satisfied by tags).
CREATE TABLE checklist (
    case_id    TEXT NOT NULL REFERENCES cases(id),
    item_id    TEXT NOT NULL,
    done       INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (case_id, item_id)
);

-- Holidays and make-up working days per jurisdiction, entered by the user
-- or imported from iCalendar files.
CREATE TABLE holidays (
    jurisdiction TEXT NOT NULL,
    day          TEXT NOT NULL,         -- YYYY-MM-DD
    name         TEXT NOT NULL DEFAULT '',
    working      INTEGER NOT NULL DEFAULT 0, -- 1: a weekend day that is a working day
    PRIMARY KEY (jurisdiction, day)
);

-- Letter drafts: every save is a new version; the newest is the draft.
CREATE TABLE letter_drafts (
    case_id    TEXT NOT NULL REFERENCES cases(id),
    recipient  TEXT NOT NULL,
    language   TEXT NOT NULL,
    version    INTEGER NOT NULL,
    text       TEXT NOT NULL,
    saved_at   INTEGER NOT NULL,
    PRIMARY KEY (case_id, recipient, language, version)
);

-- Dossiers generated for a case.
CREATE TABLE dossiers (
    id         TEXT PRIMARY KEY,
    case_id    TEXT NOT NULL REFERENCES cases(id),
    recipient  TEXT NOT NULL,
    language   TEXT NOT NULL,
    sha256     TEXT NOT NULL,
    size       INTEGER NOT NULL,
    pages      INTEGER NOT NULL,
    path       TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL
);
CREATE INDEX dossiers_case ON dossiers(case_id, created_at);
