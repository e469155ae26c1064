package store

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"strconv"
	"time"

	"redress/lang"
)

// Backup writes a consistent copy of the whole database (cases, timelines,
// attachment bytes, audit log) to dest with VACUUM INTO, which reads one
// snapshot while other connections and processes go on writing. The copy is
// then checked with PRAGMA integrity_check; a copy that fails is removed.
// dest must not exist.
func (s *Store) Backup(ctx context.Context, dest string) error {
	if _, err := os.Stat(dest); err == nil {
		return lang.E("backup.exists", "file", dest)
	}
	tmp := dest + ".partial"
	os.Remove(tmp)
	// The copy is owner-only from its first byte: VACUUM INTO writes into
	// an empty file that exists, and SQLite gives its journal the same mode.
	if err := createOwnerOnly(tmp); err != nil {
		return classify(fmt.Errorf("back up to %s: %w", dest, err), s.path)
	}
	if _, err := s.db.ExecContext(ctx, "VACUUM INTO ?", tmp); err != nil {
		os.Remove(tmp)
		return classify(fmt.Errorf("back up to %s: %w", dest, err), s.path)
	}
	if _, err := CheckFile(ctx, tmp); err != nil {
		os.Remove(tmp)
		return err
	}
	if err := syncFile(tmp); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("back up to %s: %w", dest, err)
	}
	if err := os.Rename(tmp, dest); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("back up to %s: %w", dest, err)
	}
	return nil
}

// syncFile flushes a closed file to disk. The handle must be writable:
// Windows refuses to flush a read-only one ("Access denied").
func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close() // closed before the rename: Windows cannot rename an open file
}

// FileInfo is what CheckFile found in a database file.
type FileInfo struct {
	Version    int // schema version
	Cases      int
	Events     int
	LastChange time.Time // of the newest audit entry; zero when none
}

// CheckFile opens a database file read-only, without changing it, and
// checks that it is a Redress database this version can read and that it
// passes PRAGMA integrity_check.
func CheckFile(ctx context.Context, path string) (FileInfo, error) {
	var info FileInfo
	st, err := os.Stat(path)
	if err != nil {
		return info, lang.Wrap(err, "file.missing", "file", path)
	}
	if st.IsDir() {
		return info, lang.E("store.is-dir", "file", path)
	}
	if err := checkHeader(path); err != nil {
		return info, err
	}
	if st.Size() == 0 {
		return info, lang.E("store.not-sqlite", "file", path)
	}
	q := url.Values{}
	q.Set("mode", "ro")
	db, err := sql.Open("sqlite", fileURI(path, q))
	if err != nil {
		return info, fmt.Errorf("check %s: %w", path, err)
	}
	defer db.Close()
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&info.Version); err != nil {
		return info, classify(fmt.Errorf("check %s: %w", path, err), path)
	}
	if info.Version > SchemaVersion() {
		return info, lang.E("store.too-new", "file", path, "version", strconv.Itoa(info.Version), "known", strconv.Itoa(SchemaVersion()))
	}
	if info.Version == 0 {
		return info, lang.E("store.not-redress", "file", path)
	}
	rows, err := db.QueryContext(ctx, "PRAGMA integrity_check")
	if err != nil {
		return info, classify(fmt.Errorf("check %s: %w", path, err), path)
	}
	var problems []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			rows.Close()
			return info, classify(fmt.Errorf("check %s: %w", path, err), path)
		}
		if line != "ok" {
			problems = append(problems, line)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return info, classify(fmt.Errorf("check %s: %w", path, err), path)
	}
	if len(problems) > 0 {
		return info, lang.E("store.corrupt", "file", path)
	}
	db.QueryRowContext(ctx, "SELECT COUNT(*) FROM cases").Scan(&info.Cases)
	db.QueryRowContext(ctx, "SELECT COUNT(*) FROM events").Scan(&info.Events)
	var last sql.NullInt64
	if db.QueryRowContext(ctx, "SELECT MAX(at) FROM audit").Scan(&last) == nil && last.Valid {
		info.LastChange = fromMS(last.Int64)
	}
	return info, nil
}
