// Package store keeps cases, timelines, attachments and the audit log in one
// SQLite database file (modernc.org/sqlite, no cgo).
package store

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"redress/lang"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// DefaultMaxAttachment is the largest file accepted as evidence (200 MB).
const DefaultMaxAttachment int64 = 200 << 20

// Store is an open Redress database.
type Store struct {
	db            *sql.DB
	path          string
	now           func() time.Time
	maxAttachment int64
	appVersion    string
	lock          *Lock
	damaged       bool               // quick_check failed at open: writes are refused
	key           ed25519.PrivateKey // the install key; nil until it exists
}

// MaxConns bounds the connection pool: SQLite writes one transaction at a
// time, and each connection keeps its own page cache, so a few readers
// beside the writer are all a desktop app can use.
const MaxConns = 4

// Option configures Open.
type Option func(*Store)

// WithClock sets the clock used for every timestamp (tests fix it).
func WithClock(now func() time.Time) Option { return func(s *Store) { s.now = now } }

// WithMaxAttachment sets the largest accepted attachment in bytes.
func WithMaxAttachment(n int64) Option { return func(s *Store) { s.maxAttachment = n } }

// WithAppVersion names the Redress version recorded with each migration
// this process applies.
func WithAppVersion(v string) Option { return func(s *Store) { s.appVersion = v } }

// sqliteMagic is the first 16 bytes of every SQLite database file.
var sqliteMagic = []byte("SQLite format 3\x00")

// Open opens (creating if needed) the database at path and brings its
// schema up to date. A file that is not a SQLite database, or a database
// written by a newer Redress, is refused and left untouched. The process
// holds a shared lock on the database until Close, so that a restore
// never replaces it underneath (LockExclusive). A database that fails
// SQLite's quick_check opens for reading only: every write is refused with
// a sentence pointing to restore (Damaged).
func Open(ctx context.Context, file string, opts ...Option) (*Store, error) {
	s := &Store{path: file, now: time.Now, maxAttachment: DefaultMaxAttachment}
	for _, o := range opts {
		o(s)
	}
	if err := checkHeader(file); err != nil {
		return nil, err
	}
	lock, err := lockShared(file)
	if err != nil {
		return nil, err
	}
	tighten(file)
	q := url.Values{}
	for _, p := range []string{"foreign_keys(1)", "busy_timeout(5000)", "journal_mode(WAL)", "synchronous(FULL)"} {
		q.Add("_pragma", p)
	}
	q.Set("_txlock", "immediate")
	db, err := sql.Open("sqlite", fileURI(file, q))
	if err != nil {
		lock.Release()
		return nil, fmt.Errorf("open %s: %w", file, err)
	}
	db.SetMaxOpenConns(MaxConns)
	db.SetMaxIdleConns(MaxConns)
	s.db, s.lock = db, lock
	fail := func(err error) (*Store, error) {
		db.Close()
		lock.Release()
		return nil, err
	}
	if s.damaged, err = s.quickCheck(ctx); err != nil {
		return fail(err)
	}
	if s.damaged {
		// Reading may still rescue data; nothing is written, not even a
		// migration.
		var v int
		if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err == nil && v != SchemaVersion() {
			return fail(lang.E("store.corrupt", "file", file))
		}
		if err := s.loadKey(ctx); err != nil {
			return fail(err)
		}
		return s, nil
	}
	if err := s.migrate(ctx); err != nil {
		return fail(err)
	}
	if err := s.ensureKey(ctx); err != nil {
		return fail(err)
	}
	if err := s.foldLetterDetails(ctx); err != nil {
		return fail(err)
	}
	return s, nil
}

// quickCheck runs PRAGMA quick_check: true when the database is damaged.
func (s *Store) quickCheck(ctx context.Context) (bool, error) {
	rows, err := s.db.QueryContext(ctx, "PRAGMA quick_check")
	if err != nil {
		var se *sqlite.Error
		if errors.As(err, &se) && se.Code()&0xff == sqlite3.SQLITE_CORRUPT {
			return true, nil
		}
		return false, classify(fmt.Errorf("check %s: %w", s.path, err), s.path)
	}
	defer rows.Close()
	damaged := false
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return true, nil
		}
		if line != "ok" {
			damaged = true
		}
	}
	if err := rows.Err(); err != nil {
		var se *sqlite.Error
		if errors.As(err, &se) && se.Code()&0xff == sqlite3.SQLITE_CORRUPT {
			return true, nil
		}
		return false, classify(fmt.Errorf("check %s: %w", s.path, err), s.path)
	}
	return damaged, nil
}

// Damaged reports whether the database failed SQLite's quick_check when it
// was opened; writes are then refused.
func (s *Store) Damaged() bool { return s.damaged }

// fileURI is the SQLite URI of a database path, escaped so that any
// character a folder name may hold ('?', '#', '%', spaces, Chinese) reaches
// SQLite intact.
func fileURI(file string, q url.Values) string {
	if abs, err := filepath.Abs(file); err == nil {
		file = abs
	}
	p := filepath.ToSlash(file)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // Windows: C:/x -> /C:/x
	}
	u := url.URL{Scheme: "file", Path: p, RawQuery: q.Encode()}
	return u.String()
}

func checkHeader(file string) error {
	f, err := os.Open(file)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return lang.Wrap(err, "store.unreadable", "file", file)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return lang.Wrap(err, "store.unreadable", "file", file)
	}
	if st.IsDir() {
		return lang.E("store.is-dir", "file", file)
	}
	head := make([]byte, len(sqliteMagic))
	n, _ := io.ReadFull(f, head)
	if n == 0 {
		return nil // an empty file becomes a new database
	}
	if !bytes.Equal(head[:n], sqliteMagic) {
		return lang.E("store.not-sqlite", "file", file)
	}
	return nil
}

// Close closes the database and gives up its lock.
func (s *Store) Close() error {
	err := s.db.Close()
	s.lock.Release()
	return err
}

// Path is the database file.
func (s *Store) Path() string { return s.path }

// DB exposes the connection pool for checks such as integrity_check.
func (s *Store) DB() *sql.DB { return s.db }

// MaxAttachment is the size limit for one attachment, in bytes.
func (s *Store) MaxAttachment() int64 { return s.maxAttachment }

type migration struct {
	version int
	name    string
	sql     string
}

func migrations() ([]migration, error) {
	entries, err := migrationFiles.ReadDir("migrations")
	if err != nil {
		return nil, fmt.Errorf("read migrations: %w", err)
	}
	var out []migration
	for _, e := range entries {
		num, _, ok := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil {
			return nil, fmt.Errorf("migration %s: name must start with a number", e.Name())
		}
		body, err := migrationFiles.ReadFile(path.Join("migrations", e.Name()))
		if err != nil {
			return nil, fmt.Errorf("read migration %s: %w", e.Name(), err)
		}
		out = append(out, migration{version: v, name: e.Name(), sql: string(body)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].version < out[j].version })
	for i, m := range out {
		if m.version != i+1 {
			return nil, fmt.Errorf("migration %s: expected number %d", m.name, i+1)
		}
	}
	return out, nil
}

// SchemaVersion is the newest schema this binary knows.
func SchemaVersion() int {
	ms, err := migrations()
	if err != nil {
		return 0
	}
	return len(ms)
}

func (s *Store) migrate(ctx context.Context) error {
	ms, err := migrations()
	if err != nil {
		return err
	}
	latest := len(ms)
	var current int
	if err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&current); err != nil {
		return classify(fmt.Errorf("read schema version of %s: %w", s.path, err), s.path)
	}
	if current > latest {
		return lang.E("store.too-new", "file", s.path, "version", strconv.Itoa(current), "known", strconv.Itoa(latest))
	}
	if current == latest {
		return nil
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return classify(fmt.Errorf("begin migration: %w", err), s.path)
	}
	defer tx.Rollback()
	// Read again under the write lock: another process may have migrated.
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&current); err != nil {
		return classify(fmt.Errorf("read schema version: %w", err), s.path)
	}
	if current > latest {
		return lang.E("store.too-new", "file", s.path, "version", strconv.Itoa(current), "known", strconv.Itoa(latest))
	}
	from := current
	for _, m := range ms[current:] {
		if _, err := tx.ExecContext(ctx, m.sql); err != nil {
			return classify(fmt.Errorf("apply migration %s: %w", m.name, err), s.path)
		}
	}
	if err := s.recordMigrations(ctx, tx, ms, from); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", latest)); err != nil {
		return classify(fmt.Errorf("set schema version: %w", err), s.path)
	}
	if err := tx.Commit(); err != nil {
		return classify(fmt.Errorf("commit migration: %w", err), s.path)
	}
	return nil
}

// recordMigrations notes in schema_migrations the migrations just applied
// (after from), with the time and this app's version. Migrations applied
// before the table existed are noted with time 0 and no version.
func (s *Store) recordMigrations(ctx context.Context, tx *sql.Tx, ms []migration, from int) error {
	now := s.now().UnixMilli()
	for _, m := range ms {
		at, version := now, s.appVersion
		if m.version <= from {
			at, version = 0, ""
		}
		if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO schema_migrations (version, name, applied_at, app_version) VALUES (?,?,?,?)`,
			m.version, m.name, at, version); err != nil {
			return classify(fmt.Errorf("record migration %s: %w", m.name, err), s.path)
		}
	}
	return nil
}

// Migration is one applied schema migration.
type Migration struct {
	Version    int       `json:"version"`
	Name       string    `json:"name"`
	Applied    time.Time `json:"applied"` // zero: before migrations were recorded
	AppVersion string    `json:"app_version"`
}

// Migrations lists the applied migrations, oldest first.
func (s *Store) Migrations(ctx context.Context) ([]Migration, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT version, name, applied_at, app_version FROM schema_migrations ORDER BY version`)
	if err != nil {
		return nil, classify(fmt.Errorf("read migrations: %w", err), s.path)
	}
	defer rows.Close()
	var out []Migration
	for rows.Next() {
		var m Migration
		var at int64
		if err := rows.Scan(&m.Version, &m.Name, &at, &m.AppVersion); err != nil {
			return nil, fmt.Errorf("read migrations: %w", err)
		}
		if at != 0 {
			m.Applied = fromMS(at)
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// classify turns SQLite's busy, locked, not-a-database and disk errors into
// messages a user can act on; other errors pass through with context.
func classify(err error, file string) error {
	if err == nil {
		return nil
	}
	var le *lang.Error
	if errors.As(err, &le) {
		return err
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
			return lang.Wrap(err, "store.busy", "file", file)
		case sqlite3.SQLITE_NOTADB:
			return lang.Wrap(err, "store.not-sqlite", "file", file)
		case sqlite3.SQLITE_CORRUPT:
			return lang.Wrap(err, "store.corrupt", "file", file)
		case sqlite3.SQLITE_FULL:
			return lang.Wrap(err, "store.disk-full", "file", file)
		case sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM, sqlite3.SQLITE_IOERR:
			return lang.Wrap(err, "store.cannot-write", "file", file)
		}
	}
	return err
}

// Tx is one write transaction. Now is the single timestamp of everything
// it writes, taken from the store's clock when it began.
type Tx struct {
	tx      *sql.Tx
	ctx     context.Context
	Now     time.Time
	s       *Store
	pending []AuditEntry // written to the chain when the transaction ends
}

// write runs fn in one immediate transaction: everything fn writes, and the
// audit entries it adds, commit together or not at all.
func (s *Store) write(ctx context.Context, fn func(*Tx) error) error {
	if s.damaged {
		return lang.E("store.damaged", "file", s.path)
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return classify(fmt.Errorf("begin: %w", err), s.path)
	}
	t := &Tx{tx: tx, ctx: ctx, Now: s.now().UTC().Truncate(time.Millisecond), s: s}
	if err := fn(t); err != nil {
		tx.Rollback()
		return classify(err, s.path)
	}
	if err := t.flushAudit(); err != nil {
		tx.Rollback()
		return classify(err, s.path)
	}
	if err := tx.Commit(); err != nil {
		tx.Rollback()
		return classify(fmt.Errorf("commit: %w", err), s.path)
	}
	return nil
}

func (t *Tx) exec(query string, args ...any) (sql.Result, error) {
	return t.tx.ExecContext(t.ctx, query, args...)
}

func (t *Tx) queryRow(query string, args ...any) *sql.Row {
	return t.tx.QueryRowContext(t.ctx, query, args...)
}

func ms(t time.Time) int64 { return t.UnixMilli() }

func fromMS(v int64) time.Time { return time.UnixMilli(v).UTC() }

func nullMS(t *time.Time) any {
	if t == nil {
		return nil
	}
	return t.UnixMilli()
}

func fromNullMS(v sql.NullInt64) *time.Time {
	if !v.Valid {
		return nil
	}
	t := fromMS(v.Int64)
	return &t
}

// IntegrityCheck runs PRAGMA integrity_check and returns its findings; an
// empty slice means the database is sound.
func (s *Store) IntegrityCheck(ctx context.Context) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, "PRAGMA integrity_check")
	if err != nil {
		return nil, classify(fmt.Errorf("integrity check: %w", err), s.path)
	}
	defer rows.Close()
	var problems []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return nil, fmt.Errorf("integrity check: %w", err)
		}
		if line != "ok" {
			problems = append(problems, line)
		}
	}
	return problems, rows.Err()
}
