-- Version 3: an audit log that proves completeness, a record of applied
-- migrations, and the per-install signing key. Nothing is dropped.

-- The chain state after the transaction that wrote an entry (per-table
-- counts, JSON), on the last entry of each transaction; '' on entries
-- written before version 3.
ALTER TABLE audit ADD COLUMN state TEXT NOT NULL DEFAULT '';

-- The signed head of the audit chain: the newest entry's number, hash and
-- state, signed with the install key in the same transaction as the entry.
CREATE TABLE audit_head (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    seq        INTEGER NOT NULL,
    hash       TEXT NOT NULL,
    state      TEXT NOT NULL,
    public_key TEXT NOT NULL,
    signature  TEXT NOT NULL
);

-- This installation's Ed25519 key (docs/ARCHIVE.md, "Signing"). Written
-- once; never changed.
CREATE TABLE install_key (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    private_key BLOB NOT NULL,
    created_at  INTEGER NOT NULL
);
CREATE TRIGGER install_key_no_update BEFORE UPDATE ON install_key
BEGIN SELECT RAISE(ABORT, 'the install key is never changed'); END;
CREATE TRIGGER install_key_no_delete BEFORE DELETE ON install_key
BEGIN SELECT RAISE(ABORT, 'the install key is never deleted'); END;

-- Which migration was applied when, by which version of Redress.
CREATE TABLE schema_migrations (
    version     INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    applied_at  INTEGER NOT NULL,      -- Unix ms; 0: before this table existed
    app_version TEXT NOT NULL
);
