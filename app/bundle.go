package app

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"os"
	"strings"
	"time"

	"redress/bundle"
	"redress/evidence"
	"redress/lang"
	"redress/seal"
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
	_, err := a.ExportReport(ctx, caseRef, out, opts)
	return err
}

// ExportResult says what an export left out.
type ExportResult struct {
	Dossiers int              // dossier PDFs included
	Problems []DossierProblem // dossiers not included, and why
}

// DossierProblem is a dossier PDF that could not go into an archive: Key
// is "cli.export-dossier-missing" or "cli.export-dossier-changed", File its path.
type DossierProblem struct {
	File string
	Key  string
}

// ExportReport writes the case archive, signed with the install key. The
// records of the case's dossiers always go in (so that `verify` on the
// receiving install recognises them); with opts.Dossiers the PDFs go too,
// each checked against the SHA-256 recorded when it was made: a missing or
// changed one is left out and reported.
func (a *App) ExportReport(ctx context.Context, caseRef, out string, opts ExportOptions) (ExportResult, error) {
	var res ExportResult
	id, err := a.store.ResolveCase(ctx, caseRef)
	if err != nil {
		return res, err
	}
	d, err := a.store.ExportData(ctx, id)
	if err != nil {
		return res, err
	}
	bd := bundle.Data{Schema: bundle.Schema, AppVersion: Version, Exported: a.now().UTC(), Case: d.Case,
		CaseHistory: d.CaseHistory, Events: d.Events, EventHistory: d.EventHistory,
		Checklist: d.Checklist, Overrides: d.Overrides, Client: d.Client, Selections: map[string]bundle.Selection{}}
	for to, sel := range d.Selections {
		bd.Selections[to] = bundle.Selection{Exclude: sel.Exclude, Include: sel.Include}
	}
	for _, dr := range d.Drafts {
		bd.Drafts = append(bd.Drafts, bundle.Draft{Recipient: dr.Recipient, Language: evidence.Language(dr.Language), Text: dr.Text, Updated: dr.Saved})
	}
	for _, r := range d.Dossiers {
		bd.Dossiers = append(bd.Dossiers, bundle.DossierRecord{ID: r.ID, Recipient: r.Recipient, Language: r.Language,
			SHA256: r.SHA256, Size: r.Size, Pages: r.Pages, File: fileName(r.Path), Created: r.Created})
	}
	eo := bundle.ExportOptions{Redact: opts.Redact, Now: a.now().UTC(), AppVersion: Version}
	if a.store.PublicKey() != nil {
		eo.Signer = a.store
	}
	if opts.Dossiers {
		eo.Dossiers = map[string][]byte{}
		for _, r := range d.Dossiers {
			if r.Path == "" {
				continue // imported: the record came without its PDF
			}
			b, err := os.ReadFile(r.Path)
			if err != nil {
				res.Problems = append(res.Problems, DossierProblem{File: r.Path, Key: "cli.export-dossier-missing"})
				continue
			}
			if sum := sha256.Sum256(b); hex.EncodeToString(sum[:]) != r.SHA256 {
				res.Problems = append(res.Problems, DossierProblem{File: r.Path, Key: "cli.export-dossier-changed"})
				continue
			}
			name := strings.TrimSuffix(fileName(r.Path), ".pdf")
			if _, dup := eo.Dossiers[name]; dup {
				name += "-" + r.ID[:8]
			}
			eo.Dossiers[name] = b
		}
		res.Dossiers = len(eo.Dossiers)
	}
	_, err = writeFile(out, "export.cannot-write", func(w io.Writer) error {
		return bundleError(bundle.Export(ctx, w, bd, a.store, eo))
	})
	return res, spaceError(err, out)
}

// fileName is the last element of a path written on any system.
func fileName(p string) string {
	if i := strings.LastIndexAny(p, `/\`); i >= 0 {
		return p[i+1:]
	}
	return p
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
		Checklist: d.Checklist, Overrides: d.Overrides, Client: d.Client, Selections: map[string]store.Selection{}}
	for to, sel := range d.Selections {
		in.Selections[to] = store.Selection{Exclude: sel.Exclude, Include: sel.Include}
	}
	for _, r := range d.Dossiers {
		in.Dossiers = append(in.Dossiers, store.DossierRecord{ID: r.ID, Recipient: r.Recipient, Language: r.Language,
			SHA256: r.SHA256, Size: r.Size, Pages: r.Pages, Created: r.Created})
	}
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
	a.fillTaken(ctx) // an archive from before capture times
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
	dossiers := make([]store.DossierRecord, len(in.Dossiers))
	for i, r := range in.Dossiers {
		r.ID = evidence.NewID() // the original's records may be in this database already
		dossiers[i] = r
	}
	in.Dossiers = dossiers
	now = now.UTC().Truncate(time.Millisecond)
	evs = append(evs, evidence.Event{ID: evidence.NewID(), CaseID: id, Kind: evidence.KindNote, At: now, Recorded: now,
		Summary:   "Imported as a copy of case " + orig + " · 作为案件 " + orig + " 的副本导入",
		Reference: orig, Tags: []string{"imported-copy"}, Attachments: []evidence.Attachment{}, Version: 1})
	in.Events, in.EventHistory = evs, eh
	sels := map[string]store.Selection{}
	for to, sel := range in.Selections {
		remap := func(ids []string) []string {
			out := []string{}
			for _, id := range ids {
				if n, ok := newID[id]; ok {
					out = append(out, n)
				}
			}
			return out
		}
		sels[to] = store.Selection{Exclude: remap(sel.Exclude), Include: remap(sel.Include)}
	}
	in.Selections = sels
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
	// Signer is the fingerprint of the key that signed an archive ("" when
	// it is unsigned); ThisInstall says it is this installation's key.
	Signer      string `json:"signer,omitempty"`
	ThisInstall bool   `json:"this_install,omitempty"`
	// Entries is how many timeline entries a dossier includes, LeftOut
	// the IDs of the case's entries the user left out of it (from its
	// manifest; dossiers made before this was recorded have neither).
	Entries int      `json:"entries,omitempty"`
	LeftOut []string `json:"left_out,omitempty"`
	// Seal is how a dossier's signature checked (SealSigned: Signer and
	// ThisInstall say by whom), and Head the audit head its maker's log
	// stood at when it was made ("SEQ:HASH", for verify-log --head).
	Seal string `json:"seal,omitempty"`
	Head string `json:"head,omitempty"`
}

// How a dossier's signature checked (VerifyReport.Seal).
const (
	SealSigned   = "signed"   // the signature matches every byte
	SealUnsigned = "unsigned" // no signature: made by an older Redress
	SealAltered  = "altered"  // a signature that does not match: changed after it was signed
)

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

// VerifyArchive recomputes every hash of a case archive and checks its
// signature; the archive is OK only when both hold.
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
	if r.Signature != nil {
		rep.Signer = r.Signature.Fingerprint
	}
	return rep, nil
}

// VerifyArchive is the package's VerifyArchive that also says whether the
// archive was signed by this installation.
func (a *App) VerifyArchive(file string) (VerifyReport, error) {
	rep, err := VerifyArchive(file)
	if pub := a.store.PublicKey(); err == nil && pub != nil && rep.Signer == seal.Fingerprint(pub) {
		rep.ThisInstall = true
	}
	return rep, err
}
