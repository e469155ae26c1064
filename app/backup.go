package app

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"redress/lang"
	"redress/store"
)

// Rolling backups live in this folder of the data directory.
const (
	BackupDir  = "backups"
	KeepDaily  = 7
	backupStem = "redress-"
)

// BackupInfo is one automatic backup.
type BackupInfo struct {
	Path string
	Day  string // YYYY-MM-DD
	Size int64
}

// Backup writes a checked copy of the whole database to out.
func (a *App) Backup(ctx context.Context, out string) error {
	if err := checkName(out); err != nil {
		return err
	}
	abs, err := filepath.Abs(out)
	if err != nil {
		return fmt.Errorf("back up to %s: %w", out, err)
	}
	return a.store.Backup(ctx, abs)
}

// Backups lists the automatic backups in dir, newest first.
func Backups(dir string) ([]BackupInfo, error) {
	entries, err := os.ReadDir(filepath.Join(dir, BackupDir))
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("list backups: %w", err)
	}
	var out []BackupInfo
	for _, e := range entries {
		name := e.Name()
		if !strings.HasPrefix(name, backupStem) || !strings.HasSuffix(name, ".db") {
			continue
		}
		day := strings.TrimSuffix(strings.TrimPrefix(name, backupStem), ".db")
		if _, err := time.Parse("2006-01-02", day); err != nil {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue
		}
		out = append(out, BackupInfo{Path: filepath.Join(dir, BackupDir, name), Day: day, Size: info.Size()})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Day > out[j].Day })
	return out, nil
}

// AutoBackup makes today's backup in the data directory unless it exists,
// then keeps only the newest KeepDaily. It returns the new backup's path,
// or "" when today's existed already.
func (a *App) AutoBackup(ctx context.Context) (string, error) {
	folder := filepath.Join(a.dir, BackupDir)
	if err := os.MkdirAll(folder, 0o700); err != nil {
		return "", lang.Wrap(err, "data.cannot-create", "dir", folder)
	}
	day := a.now().In(a.loc).Format("2006-01-02")
	path := filepath.Join(folder, backupStem+day+".db")
	made := ""
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		if err := a.store.Backup(ctx, path); err != nil {
			return "", err
		}
		made = path
	}
	all, err := Backups(a.dir)
	if err != nil {
		return made, err
	}
	for i, b := range all {
		if i >= KeepDaily {
			if err := os.Remove(b.Path); err != nil {
				return made, fmt.Errorf("remove old backup %s: %w", b.Path, err)
			}
		}
	}
	return made, nil
}

// NewestGoodBackup returns the newest automatic backup that passes its
// checks, or ok false when there is none.
func NewestGoodBackup(ctx context.Context, dir string) (BackupInfo, bool) {
	all, err := Backups(dir)
	if err != nil {
		return BackupInfo{}, false
	}
	for _, b := range all {
		if _, err := store.CheckFile(ctx, b.Path); err == nil {
			return b, true
		}
	}
	return BackupInfo{}, false
}

// Restore replaces the data in dir with the backup file after checking it.
// The replaced database is kept aside as redress.db.replaced-<time> (never
// deleted, never overwritten: two restores in one second keep two copies);
// the returned path names it ("" when there was none). While another copy
// of Redress has the data open, Restore waits a few seconds for it and
// then refuses, saying to close it. A crash at any step loses nothing: the
// next start finds the copies (Recovery).
func Restore(ctx context.Context, dir, file string, now time.Time) (string, error) {
	if _, err := store.CheckFile(ctx, file); err != nil {
		return "", err
	}
	if err := os.MkdirAll(dir, store.DirMode); err != nil {
		return "", lang.Wrap(err, "data.cannot-create", "dir", dir)
	}
	return store.Restore(ctx, filepath.Join(dir, DBName), file, now)
}

// RestoreInPlace closes the database, restores file over it (keeping the
// old one aside) and opens the restored data, so the app goes on with it.
func (a *App) RestoreInPlace(ctx context.Context, file string) (string, error) {
	if _, err := store.CheckFile(ctx, file); err != nil {
		return "", err
	}
	max := a.store.MaxAttachment()
	if err := a.store.Close(); err != nil {
		return "", fmt.Errorf("close before restore: %w", err)
	}
	aside, rerr := Restore(ctx, a.dir, file, a.now())
	s, err := store.Open(ctx, filepath.Join(a.dir, DBName), store.WithClock(a.now), store.WithMaxAttachment(max), store.WithAppVersion(Version))
	if err != nil {
		return aside, err
	}
	a.store = s
	a.fillTaken(ctx) // a backup from before capture times
	return aside, rerr
}

// Copy is a kept copy of the database that can be restored.
type Copy = store.Copy

// RecoveryNeeded is the error of Open for a data folder whose database is
// missing or empty while copies of it were kept: the user chooses one to
// restore (Restore), Redress never starts empty over them.
type RecoveryNeeded struct {
	Dir      string
	Recovery store.Recovery
}

// Unwrap gives the sentence for the user (lang key data.recover, or
// data.recover-none when no copy can be opened).
func (e *RecoveryNeeded) Unwrap() error {
	if c, ok := e.Recovery.Newest(); ok {
		when := "-"
		if !c.LastChange.IsZero() {
			when = c.LastChange.Local().Format("2006-01-02 15:04")
		}
		return lang.E("data.recover", "dir", e.Dir, "file", c.Path, "when", when,
			"cases", strconv.Itoa(c.Cases), "events", strconv.Itoa(c.Events))
	}
	if len(e.Recovery.Copies) == 0 {
		return lang.E("data.no-database", "dir", e.Dir) // not made by Open, which lists the copies
	}
	c := e.Recovery.Copies[0]
	return lang.E("data.recover-none", "dir", e.Dir, "file", c.Path, "reason", lang.EN.Err(c.Err))
}

func (e *RecoveryNeeded) Error() string {
	if c, ok := e.Recovery.Newest(); ok {
		return fmt.Sprintf("the data folder %s has no database, but copies were kept; the newest is %s", e.Dir, c.Path)
	}
	return fmt.Sprintf("the data folder %s has no database, and none of the copies kept there can be opened", e.Dir)
}

// Recovery lists the copies that could replace a missing or empty
// database in dir, usable and newest data first; Needed is false when the
// database is there. The desktop app shows this at start when Open returns
// *RecoveryNeeded, and restores the copy the user picks with Restore.
func Recovery(ctx context.Context, dir string) (store.Recovery, error) {
	return store.Recover(ctx, filepath.Join(dir, DBName), filepath.Join(dir, BackupDir))
}
