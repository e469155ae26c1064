package app

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"time"

	"redress/bundle"
	"redress/evidence"
	"redress/lang"
	"redress/store"
)

// Version is the app's version, set here and nowhere else: it is written
// into archives, printed by `redress version`, given to Fyne as the app
// metadata and put into the Windows exe's version resource (icons/winres).
// FyneApp.toml repeats it for `fyne package`; a test checks they agree.
var Version = "0.1.0"

// ExportOptions choose what goes into a case archive.
type ExportOptions struct {
	Redact   bool // mask account, card and phone numbers in all text
	Dossiers bool // include the dossier PDFs made for the case
}

// Export writes the case to out as a ZIP archive (docs/ARCHIVE.md).
func (a *App) Export(ctx context.Context, caseRef, out string, opts ExportOptions) error {
	id, err := a.store.ResolveCase(ctx, caseRef)
	if err != nil {
		return err
	}
	d, err := a.store.ExportData(ctx, id)
	if err != nil {
		return err
	}
	bd := bundle.Data{Schema: bundle.Schema, AppVersion: Version, Exported: a.now().UTC(), Case: d.Case,
		CaseHistory: d.CaseHistory, Events: d.Events, EventHistory: d.EventHistory,
		Checklist: d.Checklist, Overrides: d.Overrides}
	for _, dr := range d.Drafts {
		bd.Drafts = append(bd.Drafts, bundle.Draft{Recipient: dr.Recipient, Language: evidence.Language(dr.Language), Text: dr.Text, Updated: dr.Saved})
	}
	eo := bundle.ExportOptions{Redact: opts.Redact, Now: a.now().UTC(), AppVersion: Version}
	if opts.Dossiers {
		recs, err := a.store.Dossiers(ctx, id)
		if err != nil {
			return err
		}
		eo.Dossiers = map[string][]byte{}
		for _, r := range recs {
			if b, err := os.ReadFile(r.Path); err == nil {
				eo.Dossiers[filepath.Base(r.Path)] = b
			}
		}
	}
	_, err = writeFile(out, "export.cannot-write", func(w io.Writer) error {
		return bundleError(bundle.Export(ctx, w, bd, a.store, eo))
	})
	if err != nil {
		return err
	}
	return nil
}

// bundleError turns the archive package's errors into translated ones.
func bundleError(err error) error {
	var be *bundle.Error
	if errors.As(err, &be) {
		if fields := evidence.Fields(err); len(fields) > 0 {
			return err
		}
		return lang.Wrap(err, be.Key(), be.Args()...)
	}
	return err
}

// ImportOptions control Import.
type ImportOptions struct {
	AsCopy bool // give the case and its events new IDs, keeping the originals as a reference
}

// Import reads a case archive: every hash and the schema are checked
// before anything is written, and the case lands in one transaction.
func (a *App) Import(ctx context.Context, file string, opts ImportOptions) (evidence.Case, error) {
	f, err := os.Open(file)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return evidence.Case{}, lang.E("file.missing", "file", file)
		}
		return evidence.Case{}, lang.Wrap(err, "file.unreadable", "file", file)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return evidence.Case{}, lang.Wrap(err, "file.unreadable", "file", file)
	}
	if st.IsDir() {
		return evidence.Case{}, lang.E("file.is-dir", "file", file)
	}
	arc, err := bundle.Open(f, st.Size(), bundle.DefaultLimits())
	if err != nil {
		return evidence.Case{}, bundleError(err)
	}
	d := arc.Data
	in := store.ImportData{Case: d.Case, CaseHistory: d.CaseHistory, Events: d.Events, EventHistory: d.EventHistory,
		Checklist: d.Checklist, Overrides: d.Overrides}
	for _, dr := range d.Drafts {
		in.Drafts = append(in.Drafts, store.Draft{Recipient: dr.Recipient, Language: string(dr.Language), Text: dr.Text, Saved: dr.Updated})
	}
	if opts.AsCopy {
		in = asCopy(in, a.now())
	}
	open := func(sha string) (io.ReadCloser, error) {
		o, ok := arc.Files[sha]
		if !ok {
			return nil, lang.E("bundle.missing-file", "name", "files/"+sha)
		}
		return o()
	}
	if err := a.store.ImportCase(ctx, in, open); err != nil {
		return evidence.Case{}, bundleError(err)
	}
	return a.store.Case(ctx, in.Case.ID)
}

// asCopy gives the case, its events and attachments new IDs. The original
// case ID is kept in a note at the start of the timeline.
func asCopy(in store.ImportData, now time.Time) store.ImportData {
	orig := in.Case.ID
	id := evidence.NewID()
	in.Case.ID = id
	hist := make([]evidence.Case, len(in.CaseHistory))
	for i, c := range in.CaseHistory {
		c.ID = id
		hist[i] = c
	}
	in.CaseHistory = hist
	newID := map[string]string{}
	evs := make([]evidence.Event, 0, len(in.Events)+1)
	for _, e := range in.Events {
		newID[e.ID] = evidence.NewID()
		e.ID, e.CaseID = newID[e.ID], id
		atts := make([]evidence.Attachment, len(e.Attachments))
		for i, a := range e.Attachments {
			a.ID = evidence.NewID()
			atts[i] = a
		}
		e.Attachments = atts
		evs = append(evs, e)
	}
	eh := map[string][]evidence.Event{}
	for old, versions := range in.EventHistory {
		nid, ok := newID[old]
		if !ok {
			continue
		}
		vs := make([]evidence.Event, len(versions))
		for i, v := range versions {
			v.ID, v.CaseID = nid, id
			vs[i] = v
		}
		eh[nid] = vs
	}
	now = now.UTC().Truncate(time.Millisecond)
	evs = append(evs, evidence.Event{ID: evidence.NewID(), CaseID: id, Kind: evidence.KindNote, At: now, Recorded: now,
		Summary:   "Imported as a copy of case " + orig + " · 作为案件 " + orig + " 的副本导入",
		Reference: orig, Tags: []string{"imported-copy"}, Attachments: []evidence.Attachment{}, Version: 1})
	in.Events, in.EventHistory = evs, eh
	return in
}

// VerifyResult is one checked file of an archive or dossier.
type VerifyResult struct {
	Path     string `json:"path"`
	Expected string `json:"expected"`
	Actual   string `json:"actual"`
	OK       bool   `json:"ok"`
	Problem  string `json:"problem,omitempty"` // a lang key
}

// VerifyReport is the outcome of Verify.
type VerifyReport struct {
	Kind    string         `json:"kind"` // "archive" or "dossier"
	CaseID  string         `json:"case_id,omitempty"`
	Results []VerifyResult `json:"results"`
	Note    string         `json:"note,omitempty"` // a lang key, e.g. the case is not in this database
}

// OK reports whether every file verified.
func (r VerifyReport) OK() bool {
	if len(r.Results) == 0 {
		return false
	}
	for _, x := range r.Results {
		if !x.OK {
			return false
		}
	}
	return true
}

// VerifyArchive recomputes every hash of a case archive.
func VerifyArchive(file string) (VerifyReport, error) {
	rep := VerifyReport{Kind: "archive"}
	f, err := os.Open(file)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return rep, lang.E("file.missing", "file", file)
		}
		return rep, lang.Wrap(err, "file.unreadable", "file", file)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil || st.IsDir() {
		return rep, lang.E("file.is-dir", "file", file)
	}
	r, err := bundle.VerifyArchive(f, st.Size())
	if err != nil {
		return rep, bundleError(err)
	}
	for _, x := range r.Results {
		rep.Results = append(rep.Results, VerifyResult{Path: x.Path, Expected: x.Expected, Actual: x.Actual, OK: x.OK, Problem: x.Problem})
	}
	return rep, nil
}
