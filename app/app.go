// Package app holds Redress's use cases (new case, add event, attach,
// timeline, search, verify) over the store and the domain. The GUI and the
// CLI both call it; it knows nothing of Fyne.
package app

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"redress/evidence"
	"redress/lang"
	"redress/store"
)

// DBName is the database file inside the data directory.
const DBName = "redress.db"

// Types the callers of app use, so that they need not import store.
type (
	CaseSummary   = store.CaseSummary
	Hit           = store.Hit
	Query         = store.Query
	LogReport     = store.LogReport
	LogProblem    = store.LogProblem
	Holiday       = store.Holiday
	Draft         = store.Draft
	DossierRecord = store.DossierRecord
)

// App is an open data directory.
type App struct {
	dir   string
	store *store.Store
	now   func() time.Time
	loc   *time.Location
}

// Option configures Open.
type Option func(*config)

type config struct {
	now      func() time.Time
	loc      *time.Location
	maxBytes int64
}

// WithClock fixes the clock (tests).
func WithClock(now func() time.Time) Option { return func(c *config) { c.now = now } }

// WithLocation sets the zone for times typed without an offset (default: local).
func WithLocation(loc *time.Location) Option { return func(c *config) { c.loc = loc } }

// WithMaxAttachment sets the attachment size limit in bytes.
func WithMaxAttachment(n int64) Option { return func(c *config) { c.maxBytes = n } }

// DefaultDir is the per-user data directory: $XDG_DATA_HOME/redress
// (~/.local/share/redress) on Linux, ~/Library/Application Support/Redress
// on macOS, %AppData%\Redress on Windows.
func DefaultDir() (string, error) {
	switch runtime.GOOS {
	case "windows", "darwin", "ios":
		base, err := os.UserConfigDir()
		if err != nil {
			return "", lang.Wrap(err, "data.no-home")
		}
		return filepath.Join(base, "Redress"), nil
	}
	if x := os.Getenv("XDG_DATA_HOME"); x != "" && filepath.IsAbs(x) {
		return filepath.Join(x, "redress"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", lang.Wrap(err, "data.no-home")
	}
	return filepath.Join(home, ".local", "share", "redress"), nil
}

// DataDir picks the data directory: the --data flag, else REDRESS_DATA,
// else DefaultDir.
func DataDir(flag string) (string, error) {
	if flag != "" {
		return filepath.Abs(flag)
	}
	if env := os.Getenv("REDRESS_DATA"); env != "" {
		return filepath.Abs(env)
	}
	return DefaultDir()
}

// Open opens the data directory, creating it (owner-only) and its database
// when missing. A folder whose database is missing or empty although
// copies of it were kept (a restore interrupted, a database moved away) is
// not a first run: Open then returns a *RecoveryNeeded error listing the
// copies, and creates nothing.
func Open(ctx context.Context, dir string, opts ...Option) (*App, error) {
	return open(ctx, dir, true, opts)
}

// OpenExisting opens a data directory that must exist already, for
// commands that only read: a mistyped folder name is reported, never
// created. A folder without a database gives ErrNoData.
func OpenExisting(ctx context.Context, dir string, opts ...Option) (*App, error) {
	return open(ctx, dir, false, opts)
}

// ErrNoData is the error of OpenExisting for a folder that holds no
// database yet.
var ErrNoData = errors.New("the data folder has no database yet")

func open(ctx context.Context, dir string, create bool, opts []Option) (*App, error) {
	cfg := config{now: time.Now, loc: time.Local, maxBytes: store.DefaultMaxAttachment}
	for _, o := range opts {
		o(&cfg)
	}
	st, err := os.Stat(dir)
	switch {
	case err == nil && !st.IsDir():
		return nil, lang.E("data.not-dir", "dir", dir)
	case errors.Is(err, os.ErrNotExist) && !create:
		return nil, lang.E("data.missing", "dir", dir)
	}
	if err := os.MkdirAll(dir, store.DirMode); err != nil {
		return nil, lang.Wrap(err, "data.cannot-create", "dir", dir)
	}
	tightenFolder(dir)
	dbPath := filepath.Join(dir, DBName)
	rec, err := store.Recover(ctx, dbPath, filepath.Join(dir, BackupDir))
	if err != nil {
		return nil, err
	}
	if rec.Needed {
		return nil, &RecoveryNeeded{Dir: dir, Recovery: rec}
	}
	if _, err := os.Stat(dbPath); errors.Is(err, os.ErrNotExist) {
		if !create {
			return nil, lang.Wrap(ErrNoData, "data.no-database", "dir", dir)
		}
		// SQLite's files left without their database are kept aside, never
		// taken into a new one.
		if err := store.SetAsideStrays(dbPath, cfg.now()); err != nil {
			return nil, lang.Wrap(err, "data.cannot-create", "dir", dir)
		}
		// Create the file ourselves so it (and SQLite's -wal and -shm files,
		// which copy its mode) is readable by the owner only.
		f, err := os.OpenFile(dbPath, os.O_CREATE|os.O_EXCL|os.O_WRONLY, store.FileMode)
		if err != nil && !errors.Is(err, os.ErrExist) {
			return nil, lang.Wrap(err, "data.cannot-create", "dir", dir)
		}
		if f != nil {
			f.Close()
		}
	}
	s, err := store.Open(ctx, dbPath, store.WithClock(cfg.now), store.WithMaxAttachment(cfg.maxBytes), store.WithAppVersion(Version))
	if err != nil {
		return nil, err
	}
	a := &App{dir: dir, store: s, now: cfg.now, loc: cfg.loc}
	a.fillTaken(ctx)
	return a, nil
}

// tightenFolder takes group and other access off the data folder and what
// Redress keeps in it (an older version, or a copy, may have left them).
func tightenFolder(dir string) {
	store.Tighten(dir, store.DirMode)
	store.Tighten(filepath.Join(dir, BackupDir), store.DirMode)
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), DBName) && e.Type().IsRegular() {
			store.Tighten(filepath.Join(dir, e.Name()), store.FileMode)
		}
	}
	backups, _ := os.ReadDir(filepath.Join(dir, BackupDir))
	for _, e := range backups {
		if e.Type().IsRegular() {
			store.Tighten(filepath.Join(dir, BackupDir, e.Name()), store.FileMode)
		}
	}
}

// Damaged reports whether the database failed SQLite's check when it was
// opened: it can be read (to rescue data) but not written; restore it.
func (a *App) Damaged() bool { return a.store.Damaged() }

// Close closes the database.
func (a *App) Close() error { return a.store.Close() }

// Dir is the data directory in use.
func (a *App) Dir() string { return a.dir }

// Now is the app's clock.
func (a *App) Now() time.Time { return a.now() }

// Location is the zone for times typed without an offset.
func (a *App) Location() *time.Location { return a.loc }

// MaxAttachment is the attachment size limit in bytes.
func (a *App) MaxAttachment() int64 { return a.store.MaxAttachment() }

// IntegrityCheck runs SQLite's integrity check; nil findings mean sound.
func (a *App) IntegrityCheck(ctx context.Context) ([]string, error) {
	return a.store.IntegrityCheck(ctx)
}

// CaseInput is a case as typed in a form or on the command line.
type CaseInput struct {
	Title, Provider, Problem, Jurisdiction string
	Amount, Currency, Incident             string
	Name, Contact, Address, Account        string
	Remedy, Language, Status               string
	Details                                CaseDetails // what the official forms ask for (all optional)
}

// Case parses the input, reporting every bad field at once.
func (in CaseInput) Case() (evidence.Case, error) {
	c := evidence.Case{
		Title: in.Title, Provider: in.Provider,
		Problem:      evidence.Problem(strings.TrimSpace(in.Problem)),
		Jurisdiction: evidence.Jurisdiction(strings.ToUpper(strings.TrimSpace(in.Jurisdiction))),
		Complainant:  evidence.Complainant{Name: in.Name, Contact: in.Contact, Address: in.Address, AccountID: in.Account},
		Remedy:       in.Remedy, Incident: in.Incident,
		Language: evidence.Language(strings.TrimSpace(in.Language)),
		Status:   evidence.Status(strings.TrimSpace(in.Status)),
	}
	in.Details.apply(&c)
	var parseErrs evidence.Errors
	if strings.TrimSpace(in.Amount) != "" || strings.TrimSpace(in.Currency) != "" {
		m, err := evidence.ParseMoney("amount", in.Amount, in.Currency)
		if err != nil {
			parseErrs = append(parseErrs, evidence.Fields(err)...)
		}
		c.Amount = m
	}
	c.Normalize()
	if d, err := time.Parse(evidence.DateLayout, c.Incident); err == nil {
		if err := evidence.CheckDate("incident", d, time.Now(), c.Incident); err != nil && d.Year() >= 1970 {
			parseErrs = append(parseErrs, evidence.Fields(err)...)
		}
	}
	err := c.Validate()
	all := append(parseErrs, evidence.Fields(err)...)
	if len(all) > 0 {
		return c, all
	}
	return c, nil
}

// NewCase validates and stores a new case. A case for a client
// (Details.Client) takes the client's details as its complainant's.
func (a *App) NewCase(ctx context.Context, in CaseInput) (evidence.Case, error) {
	c, err := in.Case()
	if err != nil {
		return c, err
	}
	if err := a.linkClient(ctx, &c, in.Details.Client, false); err != nil {
		return c, err
	}
	if err := a.store.CreateCase(ctx, &c); err != nil {
		return c, err
	}
	return c, nil
}

// UpdateCase stores edited case facts; the previous version is kept.
func (a *App) UpdateCase(ctx context.Context, c *evidence.Case) error {
	return a.store.UpdateCase(ctx, c)
}

// Resolve turns a case ID or unique prefix into the full ID.
func (a *App) Resolve(ctx context.Context, ref string) (string, error) {
	return a.store.ResolveCase(ctx, ref)
}

// Case reads a case by ID or unique prefix.
func (a *App) Case(ctx context.Context, ref string) (evidence.Case, error) {
	id, err := a.store.ResolveCase(ctx, ref)
	if err != nil {
		return evidence.Case{}, err
	}
	return a.store.Case(ctx, id)
}

// CaseHistory returns the earlier versions of a case.
func (a *App) CaseHistory(ctx context.Context, id string) ([]evidence.Case, error) {
	return a.store.CaseHistory(ctx, id)
}

// Cases lists cases, most recent activity first.
func (a *App) Cases(ctx context.Context, archived bool) ([]CaseSummary, error) {
	return a.store.Cases(ctx, archived)
}

// Providers lists provider names used before, most recent first.
func (a *App) Providers(ctx context.Context) ([]string, error) { return a.store.Providers(ctx) }

// ArchiveCase hides a case; RestoreCase brings it back.
func (a *App) ArchiveCase(ctx context.Context, ref string) error {
	id, err := a.store.ResolveCase(ctx, ref)
	if err != nil {
		return err
	}
	return a.store.ArchiveCase(ctx, id)
}

// RestoreCase brings an archived case back.
func (a *App) RestoreCase(ctx context.Context, ref string) error {
	id, err := a.store.ResolveCase(ctx, ref)
	if err != nil {
		return err
	}
	return a.store.RestoreCase(ctx, id)
}

// Timeline returns a page of a case's events.
func (a *App) Timeline(ctx context.Context, ref string, q Query) ([]evidence.Event, error) {
	id, err := a.store.ResolveCase(ctx, ref)
	if err != nil {
		return nil, err
	}
	return a.store.Timeline(ctx, id, q)
}

// Count counts a case's events matching q.
func (a *App) Count(ctx context.Context, caseID string, q Query) (int, error) {
	return a.store.Count(ctx, caseID, q)
}

// Event reads one event.
func (a *App) Event(ctx context.Context, id string) (evidence.Event, error) {
	return a.store.Event(ctx, id)
}

// EventHistory returns an event's earlier versions, oldest first.
func (a *App) EventHistory(ctx context.Context, id string) ([]evidence.Event, error) {
	return a.store.EventHistory(ctx, id)
}

// UpdateEvent stores an edited event; the previous version is kept.
func (a *App) UpdateEvent(ctx context.Context, e *evidence.Event) error {
	return a.store.UpdateEvent(ctx, e)
}

// ArchiveEvent hides an event from the timeline (restorable).
func (a *App) ArchiveEvent(ctx context.Context, id string) error {
	return a.store.ArchiveEvent(ctx, id)
}

// RestoreEvent brings an archived event back.
func (a *App) RestoreEvent(ctx context.Context, id string) error {
	return a.store.RestoreEvent(ctx, id)
}

// Search finds cases and events; caseRef limits it to one case.
func (a *App) Search(ctx context.Context, text, caseRef string) ([]Hit, error) {
	id := ""
	if caseRef != "" {
		var err error
		if id, err = a.store.ResolveCase(ctx, caseRef); err != nil {
			return nil, err
		}
	}
	hits, _, err := a.store.Search(ctx, text, id, DefaultSearchLimit)
	return hits, err
}

// DefaultSearchLimit is how many cases and how many events Search returns
// at most.
const DefaultSearchLimit = 200

// SearchPage is Search with a limit (0: DefaultSearchLimit); more is true
// when matches were left out.
func (a *App) SearchPage(ctx context.Context, text, caseRef string, limit int) (hits []Hit, more bool, err error) {
	id := ""
	if caseRef != "" {
		if id, err = a.store.ResolveCase(ctx, caseRef); err != nil {
			return nil, false, err
		}
	}
	if limit <= 0 {
		limit = DefaultSearchLimit
	}
	return a.store.Search(ctx, text, id, limit)
}

// VerifyLog checks the audit chain, its signed head and that the database
// holds exactly what the log recorded.
func (a *App) VerifyLog(ctx context.Context) (LogReport, error) { return a.store.VerifyLog(ctx) }

// VerifyLogDeep is VerifyLog that also re-hashes every stored file.
func (a *App) VerifyLogDeep(ctx context.Context) (LogReport, error) {
	return a.store.VerifyLogDeep(ctx)
}

// VerifyLogDeepProgress is VerifyLogDeep telling progress how many stored
// files it has re-hashed of how many (the desktop app's "Check everything").
func (a *App) VerifyLogDeepProgress(ctx context.Context, progress func(done, total int)) (LogReport, error) {
	return a.store.VerifyLogDeepProgress(ctx, progress)
}

// WriteAttachment copies an attachment's verified original bytes to w.
func (a *App) WriteAttachment(ctx context.Context, id string, w io.Writer) (evidence.Attachment, error) {
	return a.store.WriteAttachment(ctx, id, w)
}

// ReadAttachment returns an attachment's verified original bytes.
func (a *App) ReadAttachment(ctx context.Context, id string) ([]byte, evidence.Attachment, error) {
	return a.store.ReadAttachment(ctx, id)
}
