package app

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"redress/escalation"
	"redress/evidence"
	"redress/lang"
	"redress/store"
)

// This file holds rules the desktop app needs that are not about Fyne:
// defaults that follow the jurisdiction, how a call length or a deadline
// reads, when a chaser is due, where dossiers go, and what a backup holds.

// DefaultCurrency is the currency of a jurisdiction ("" when it has no
// single one).
func DefaultCurrency(j evidence.Jurisdiction) string {
	switch j {
	case evidence.CN:
		return "CNY"
	case evidence.UK:
		return "GBP"
	case evidence.US:
		return "USD"
	case evidence.EU:
		return "EUR"
	}
	return ""
}

// LetterLanguage is the language letters are written in for a
// jurisdiction until the user picks one: Chinese for China, English for
// the others, and the interface language when no jurisdiction is chosen.
func LetterLanguage(j evidence.Jurisdiction, ui lang.Lang) evidence.Language {
	switch {
	case j == evidence.CN:
		return evidence.Chinese
	case j != "":
		return evidence.English
	case ui == lang.ZH:
		return evidence.Chinese
	}
	return evidence.English
}

// DurationText says how long a call lasted, one way everywhere: "35 s",
// "1 min 5 s", "1 h 2 min" (Chinese "35 秒", "1 分 5 秒", "1 小时 2 分").
func DurationText(l lang.Lang, d time.Duration) string {
	d = d.Round(time.Second)
	h, m, s := int(d/time.Hour), int(d/time.Minute)%60, int(d/time.Second)%60
	var parts []string
	if h > 0 {
		parts = append(parts, l.T("ui.dur-h", "n", strconv.Itoa(h)))
	}
	if m > 0 {
		parts = append(parts, l.T("ui.dur-min", "n", strconv.Itoa(m)))
	}
	if s > 0 && h == 0 || len(parts) == 0 {
		parts = append(parts, l.T("ui.dur-s", "n", strconv.Itoa(s)))
	}
	return strings.Join(parts, " ")
}

// DeadlineText is one deadline as a line: its clock's label and how it
// stands, "Promised by: 2 days left" (Chinese "承诺期限：还剩 2 天").
func DeadlineText(l lang.Lang, d escalation.Deadline) string {
	key, args := d.When()
	return l.T("ui.deadline-line", "clock", l.T(d.Key), "when", l.T(key, args...))
}

// ChaserDue reports whether a provider deadline (not an ombudsman one) has
// passed unanswered, so that a chaser letter to the provider is due.
func ChaserDue(as escalation.Assessment) bool {
	for _, d := range as.Deadlines {
		if d.Status == escalation.Overdue && d.Clock != escalation.ClockOmbudsmanAfter && d.Clock != escalation.ClockOmbudsmanReferWithin {
			return true
		}
	}
	return false
}

// SetCaption sets an exhibit event's caption. Each file's caption follows
// it unless the user gave that file a caption of its own (one that differs
// from the event's previous caption).
func SetCaption(e *evidence.Event, caption string) {
	old := ""
	if e.Exhibit != nil {
		old = e.Exhibit.Caption
		x := *e.Exhibit
		x.Caption = caption
		e.Exhibit = &x
	} else {
		e.Exhibit = &evidence.Exhibit{Caption: caption}
	}
	e.Attachments = append([]evidence.Attachment(nil), e.Attachments...)
	for i := range e.Attachments {
		if e.Attachments[i].Caption == old || e.Attachments[i].Caption == "" {
			e.Attachments[i].Caption = caption
		}
	}
}

// DossierDir is the folder dossiers are saved in by default: "Dossiers"
// inside the data folder, so that one client's files never land beside
// another's.
func DossierDir(dataDir string) string { return filepath.Join(dataDir, "Dossiers") }

// FreeName returns path when nothing exists there, else the first free
// "name (2).ext", "name (3).ext"… beside it, so nothing is overwritten.
func FreeName(path string) string {
	if _, err := os.Lstat(path); errors.Is(err, os.ErrNotExist) {
		return path
	}
	ext := filepath.Ext(path)
	stem := strings.TrimSuffix(path, ext)
	for i := 2; ; i++ {
		p := stem + " (" + strconv.Itoa(i) + ")" + ext
		if _, err := os.Lstat(p); errors.Is(err, os.ErrNotExist) {
			return p
		}
	}
}

// BackupContents is what a backup file holds, read without changing it.
type BackupContents struct {
	Cases, Events, Files int
	Made                 time.Time // when the file was written
}

// ReadBackup checks a backup file and counts what it holds, opening it
// read-only.
func ReadBackup(ctx context.Context, path string) (BackupContents, error) {
	var bc BackupContents
	info, err := store.CheckFile(ctx, path)
	if err != nil {
		return bc, err
	}
	bc.Cases, bc.Events = info.Cases, info.Events
	if st, err := os.Stat(path); err == nil {
		bc.Made = st.ModTime()
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return bc, fmt.Errorf("read backup %s: %w", path, err)
	}
	p := filepath.ToSlash(abs)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // Windows: C:/x -> /C:/x
	}
	db, err := sql.Open("sqlite", (&url.URL{Scheme: "file", Path: p, RawQuery: "mode=ro"}).String())
	if err != nil {
		return bc, fmt.Errorf("read backup %s: %w", path, err)
	}
	defer db.Close()
	if err := db.QueryRowContext(ctx, "SELECT COUNT(*) FROM attachments").Scan(&bc.Files); err != nil {
		return bc, fmt.Errorf("read backup %s: %w", path, err)
	}
	return bc, nil
}

// BackupNow writes today's backup again, now, replacing an earlier one of
// the same day only once the new copy is complete and checked (Backup
// checks it). It returns
// the backup's path.
func (a *App) BackupNow(ctx context.Context) (string, error) {
	folder := filepath.Join(a.dir, BackupDir)
	if err := os.MkdirAll(folder, 0o700); err != nil {
		return "", lang.Wrap(err, "data.cannot-create", "dir", folder)
	}
	day := a.now().In(a.loc).Format("2006-01-02")
	path := filepath.Join(folder, backupStem+day+".db")
	tmp := filepath.Join(folder, "partial-"+strconv.FormatInt(a.now().UnixNano(), 36)+".db")
	if err := a.store.Backup(ctx, tmp); err != nil {
		os.Remove(tmp)
		return "", err
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return "", lang.Wrap(err, "restore.cannot-move", "file", path)
	}
	return path, nil
}
