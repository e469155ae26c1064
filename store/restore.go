package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"time"

	"redress/lang"
)

// Names of the copies a restore keeps beside the database db:
// db.replaced-<time> is the database a restore replaced (never deleted),
// db.restoring-<time> the backup being copied in. <time> has nanoseconds,
// and a name that exists already gets "-2", "-3"…, so no copy is ever
// overwritten.
const (
	replacedInfix  = ".replaced-"
	restoringInfix = ".restoring-"
	stampLayout    = "20060102-150405.000000000"
)

// RestoreWait is how long a restore waits for other processes to close
// the database before it says they must be closed.
var RestoreWait = 5 * time.Second

// sqliteSuffixes are SQLite's files that belong to a database.
var sqliteSuffixes = []string{"-wal", "-shm", "-journal"}

// uniqueName returns base+stamp, or with "-2", "-3"… when that exists, so
// that nothing is overwritten. Callers hold the exclusive lock.
func uniqueName(base string, now time.Time) string {
	name := base + now.UTC().Format(stampLayout)
	for i := 2; ; i++ {
		if !exists(name) && !exists(name+"-wal") {
			return name
		}
		name = fmt.Sprintf("%s%s-%d", base, now.UTC().Format(stampLayout), i)
	}
}

func exists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}

// Restore replaces the database db with a checked copy of backup, keeping
// the database it replaces as db.replaced-<time> (returned; "" when there
// was none). It holds the exclusive lock: while another process has the
// database open it refuses (restore.in-use). Each step leaves the folder
// in a state the next start understands (Recover): a crash never loses the
// old data nor the copy, and a leftover from an earlier crash never blocks
// a new restore.
func Restore(ctx context.Context, db, backup string, now time.Time) (string, error) {
	if _, err := CheckFile(ctx, backup); err != nil {
		return "", err
	}
	lock, err := LockExclusive(db, RestoreWait)
	if err != nil {
		return "", err
	}
	defer lock.Release()
	dir := filepath.Dir(db)

	// 1. Copy the backup in under a name of its own and check the copy.
	tmp := uniqueName(db+restoringInfix, now)
	if err := copyOwnerOnly(backup, tmp); err != nil {
		os.Remove(tmp)
		return "", lang.Wrap(err, "restore.cannot-copy", "file", backup)
	}
	if _, err := CheckFile(ctx, tmp); err != nil {
		os.Remove(tmp)
		return "", err
	}
	syncDir(dir)

	// 2. Set the live database aside, whole. A sound one is checkpointed
	// first so that everything it holds is in its main file.
	aside := ""
	if st, err := os.Stat(db); err == nil && st.Size() > 0 {
		checkpoint(ctx, db)
		aside = uniqueName(db+replacedInfix, now)
		if err := os.Rename(db, aside); err != nil {
			os.Remove(tmp)
			return "", lang.Wrap(err, "restore.cannot-move", "file", db)
		}
		syncDir(dir)
	}
	// SQLite's files left beside the live name go with the database they
	// belong to: the one just set aside, or (after a crash) the newest
	// set-aside copy that lacks them. Left in place they would be applied
	// to the restored database.
	if err := moveStrays(db, aside, now); err != nil {
		return aside, lang.Wrap(err, "restore.cannot-move", "file", db)
	}
	if aside == "" {
		// An empty live file (a crash while creating) is kept too.
		if st, err := os.Stat(db); err == nil && st.Size() == 0 {
			aside = uniqueName(db+replacedInfix, now)
			if err := os.Rename(db, aside); err != nil {
				return "", lang.Wrap(err, "restore.cannot-move", "file", db)
			}
		}
	}
	syncDir(dir)

	// 3. Put the copy in place.
	if err := os.Rename(tmp, db); err != nil {
		return aside, lang.Wrap(err, "restore.cannot-move", "file", db)
	}
	syncDir(dir)
	return aside, nil
}

// checkpoint moves everything in a database's WAL into its main file, so
// that the main file alone holds all of it. A damaged database is left as
// it is (its WAL moves with it).
func checkpoint(ctx context.Context, db string) {
	if err := checkHeader(db); err != nil {
		return
	}
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(2000)")
	conn, err := sql.Open("sqlite", fileURI(db, q))
	if err != nil {
		return
	}
	defer conn.Close()
	conn.SetMaxOpenConns(1)
	conn.ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)")
}

// moveStrays moves SQLite's files beside the live name db to aside (or to
// the newest set-aside copy without them; or to a new name).
func moveStrays(db, aside string, now time.Time) error {
	for _, suffix := range sqliteSuffixes {
		stray := db + suffix
		if !exists(stray) {
			continue
		}
		if st, err := os.Stat(stray); err == nil && st.Size() == 0 && suffix != "-journal" {
			os.Remove(stray) // empty: holds nothing
			continue
		}
		target := aside
		if target == "" {
			target = newestWithout(db, suffix)
		}
		if target == "" {
			target = uniqueName(db+replacedInfix, now)
		}
		if err := os.Rename(stray, target+suffix); err != nil {
			return err
		}
	}
	return nil
}

// newestWithout is the newest db.replaced-* main file that has no file
// with suffix beside it.
func newestWithout(db, suffix string) string {
	names, _ := filepath.Glob(globQuote(db) + replacedInfix + "*")
	var mains []string
	for _, n := range names {
		if isMain(n) {
			mains = append(mains, n)
		}
	}
	sort.Strings(mains)
	for i := len(mains) - 1; i >= 0; i-- {
		if !exists(mains[i] + suffix) {
			return mains[i]
		}
	}
	return ""
}

func isMain(name string) bool {
	for _, s := range sqliteSuffixes {
		if strings.HasSuffix(name, s) {
			return false
		}
	}
	return true
}

func globQuote(s string) string {
	r := strings.NewReplacer(`*`, `\*`, `?`, `\?`, `[`, `\[`)
	if runtime.GOOS == "windows" {
		return s
	}
	return r.Replace(s)
}

func copyOwnerOnly(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_EXCL|os.O_WRONLY, FileMode)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Sync(); err != nil { // out is writable: flushing it is allowed everywhere
		out.Close()
		return err
	}
	return out.Close()
}

// syncDir makes renames in dir durable. Windows cannot open folders for
// flushing; NTFS journals renames itself.
func syncDir(dir string) {
	if runtime.GOOS == "windows" {
		return
	}
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// Copy is a database file kept beside (or backed up from) a data folder
// that could take the place of a missing live database.
type Copy struct {
	Path       string    `json:"path"`
	Kind       string    `json:"kind"` // "replaced", "restoring" or "backup"
	LastChange time.Time `json:"last_change"`
	Cases      int       `json:"cases"`
	Events     int       `json:"events"`
	Err        error     `json:"-"` // why it cannot be used; nil when it can
}

// Recovery is what Recover found.
type Recovery struct {
	Needed bool   // the live database is missing or empty, but copies exist
	Copies []Copy // usable copies first, newest last change first
}

// Newest is the usable copy with the newest data; ok is false when no copy
// can be used.
func (r Recovery) Newest() (Copy, bool) {
	if len(r.Copies) > 0 && r.Copies[0].Err == nil {
		return r.Copies[0], true
	}
	return Copy{}, false
}

// Recover looks at the folder of db: a missing or empty live database
// next to set-aside copies, interrupted restores or backups (backups
// names the folder of automatic backups) is never a first run. Recovery
// then lists the copies, the newest data first; the user chooses one and
// restores it (Restore), nothing is chosen silently.
func Recover(ctx context.Context, db string, backups string) (Recovery, error) {
	var r Recovery
	if st, err := os.Stat(db); err == nil && st.Size() > 0 {
		return r, nil
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return r, lang.Wrap(err, "store.unreadable", "file", db)
	}
	var paths []struct{ path, kind string }
	for _, kind := range []string{"replaced", "restoring"} {
		infix := replacedInfix
		if kind == "restoring" {
			infix = restoringInfix
		}
		names, _ := filepath.Glob(globQuote(db) + infix + "*")
		for _, n := range names {
			if isMain(n) {
				paths = append(paths, struct{ path, kind string }{n, kind})
			}
		}
	}
	if backups != "" {
		names, _ := filepath.Glob(filepath.Join(globQuote(backups), "*.db"))
		for _, n := range names {
			paths = append(paths, struct{ path, kind string }{n, "backup"})
		}
	}
	for _, p := range paths {
		c := Copy{Path: p.path, Kind: p.kind}
		info, err := CheckFile(ctx, p.path)
		c.Err, c.Cases, c.Events, c.LastChange = err, info.Cases, info.Events, info.LastChange
		r.Copies = append(r.Copies, c)
	}
	r.Needed = len(r.Copies) > 0
	sort.SliceStable(r.Copies, func(i, j int) bool {
		a, b := r.Copies[i], r.Copies[j]
		if (a.Err == nil) != (b.Err == nil) {
			return a.Err == nil
		}
		if !a.LastChange.Equal(b.LastChange) {
			return a.LastChange.After(b.LastChange)
		}
		return a.Path > b.Path
	})
	return r, nil
}

// SetAsideStrays moves SQLite's files left beside a missing database
// (its WAL, without the file it belongs to) to db.replaced-<time>-wal…,
// so that a new database never takes them in.
func SetAsideStrays(db string, now time.Time) error {
	if exists(db) {
		return nil
	}
	return moveStrays(db, "", now)
}
