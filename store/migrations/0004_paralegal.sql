-- Version 4: paralegals and official forms (issue 14). Nothing is dropped.
-- The letter details kept per case in case_overrides under 'letter:details'
-- (the user's city, the provider's address and contact) move into the new
-- case columns in an audited write when the database is next opened
-- (store.foldLetterDetails), so each fact has one place.

-- What the official complaint forms ask for (docs/FORMS.md).
ALTER TABLE cases ADD COLUMN complainant_phone TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN complainant_email TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN complainant_postcode TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN complainant_city TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN complainant_birth_date TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN complainant_id_number TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN complainant_prefers TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN provider_legal_name TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN provider_address TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN provider_reg_no TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN provider_email TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN provider_contact TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN product TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN final_response TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN final_mentions_ombudsman TEXT NOT NULL DEFAULT '';
-- The client the case is for ('' for the user's own case) and whether a
-- representative prepares it.
ALTER TABLE cases ADD COLUMN client_id TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN represented INTEGER NOT NULL DEFAULT 0;
CREATE INDEX cases_client ON cases(client_id) WHERE client_id <> '';

-- A representative's clients: details entered once, reused by each case.
-- data is the evidence.Client JSON (the audit log's state of the client).
CREATE TABLE clients (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    data        TEXT NOT NULL,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    archived_at INTEGER,
    version     INTEGER NOT NULL DEFAULT 1
);

-- Earlier versions of a client, kept when it is edited.
CREATE TABLE client_versions (
    client_id   TEXT NOT NULL REFERENCES clients(id),
    version     INTEGER NOT NULL,
    data        TEXT NOT NULL,
    replaced_at INTEGER NOT NULL,
    PRIMARY KEY (client_id, version)
);

-- The representative's own profile (one row), kept in the database so it
-- travels with backups; every earlier version is kept.
CREATE TABLE profile (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    data       TEXT NOT NULL,
    updated_at INTEGER NOT NULL,
    version    INTEGER NOT NULL
);
CREATE TABLE profile_versions (
    version     INTEGER PRIMARY KEY,
    data        TEXT NOT NULL,
    replaced_at INTEGER NOT NULL
);

-- What the user chose to leave out of (or put into) a case's dossier for
-- one recipient; remembered for the next dossier. data is JSON:
-- {"exclude": [event IDs], "include": [event IDs of private notes]}.
CREATE TABLE dossier_selections (
    case_id    TEXT NOT NULL REFERENCES cases(id),
    recipient  TEXT NOT NULL,
    data       TEXT NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (case_id, recipient)
);
