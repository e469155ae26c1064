package app

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	"redress/escalation"
	"redress/evidence"
	"redress/lang"
	"redress/letters"
	"redress/letters/images"
	"redress/store"
)

// DossierOptions choose what a dossier is for and how it looks.
type DossierOptions struct {
	To     letters.Recipient
	Lang   evidence.Language // "" = the case's letter language
	Paper  string            // "a4" (default) or "letter"
	Redact bool
	Out    string // where to write the PDF
	// Progress, when set, is told how far rendering has got (0..1).
	Progress func(done float64)
}

// DossierResult is what was made.
type DossierResult struct {
	Record   store.DossierRecord
	Problems []letters.ExhibitProblem
}

// DossierMemoryLimit is the soft memory limit (runtime/debug) in force
// while a dossier renders: the garbage collector then works harder instead
// of letting the heap grow, which keeps a 60-screenshot dossier under
// 500 MB at a small cost in time (docs/PERFORMANCE.md).
const DossierMemoryLimit = 300 << 20

// Dossier renders the case's dossier PDF to opts.Out: the cover, the
// letter (the saved draft when there is one), the chronology, tables and
// exhibits. The generation is recorded in the database and the audit log.
func (a *App) Dossier(ctx context.Context, caseRef string, opts DossierOptions) (DossierResult, error) {
	var res DossierResult
	if opts.To == "" {
		opts.To = letters.Provider
	}
	if opts.Paper == "" {
		opts.Paper = "a4"
	}
	c, err := a.Case(ctx, caseRef)
	if err != nil {
		return res, err
	}
	in, refs, err := a.dossierInput(ctx, c, opts.To, opts.Lang)
	if err != nil {
		return res, err
	}
	text, err := a.letter(ctx, in)
	if err != nil {
		return res, err
	}
	files := make([]letters.ExhibitFile, 0, len(refs))
	for i, r := range refs {
		data, _, err := a.store.ReadAttachment(ctx, r.att.ID) // verifies the hash
		if err != nil {
			return res, err
		}
		files = append(files, letters.ExhibitFile{Number: r.number, Attachment: r.att, EventID: r.event.ID,
			Kind: r.event.Kind, Caption: r.caption, Captured: r.event.At, Data: data})
		if opts.Progress != nil {
			opts.Progress(0.3 * float64(i+1) / float64(len(refs)))
		}
	}
	h := sha256.New()
	var size int64
	var result letters.Result
	keyDates, summary := a.coverFacts(ctx, in)
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(DossierMemoryLimit))
	out, err := writeFile(opts.Out, "dossier.cannot-write", func(w io.Writer) error {
		cw := &countWriter{w: io.MultiWriter(w, h)}
		var err error
		result, err = letters.Render(cw, letters.Dossier{Case: in.Case, Events: in.Events, To: in.To, Lang: in.Lang,
			Paper: opts.Paper, Redact: opts.Redact, LetterText: text, Exhibits: files, Release: true, Generated: a.now(),
			KeyDates: keyDates, ChecklistSummary: summary})
		size = cw.n
		if err != nil {
			return fmt.Errorf("render dossier: %w", err)
		}
		return nil
	})
	if err != nil {
		return res, spaceError(err, opts.Out)
	}
	if opts.Progress != nil {
		opts.Progress(1)
	}
	res.Problems = result.Problems
	res.Record = store.DossierRecord{ID: evidence.NewID(), CaseID: in.Case.ID, Recipient: string(in.To), Language: string(in.Lang),
		SHA256: hex.EncodeToString(h.Sum(nil)), Size: size, Pages: result.Pages, Path: out}
	if err := a.store.RecordDossier(ctx, &res.Record); err != nil {
		return res, err
	}
	return res, nil
}

// MarkSent records in the timeline that a dossier was sent: a letter event
// to its recipient carrying the dossier's SHA-256.
func (a *App) MarkSent(ctx context.Context, rec DossierRecord, method, reference string, at time.Time) (evidence.Event, error) {
	e := evidence.Event{CaseID: rec.CaseID, Kind: evidence.KindLetter, At: at, Reference: reference,
		Summary: fmt.Sprintf("Dossier sent (%d pages, SHA-256 %s)", rec.Pages, rec.SHA256),
		Notes:   filepath.Base(rec.Path),
		Letter:  &evidence.Letter{To: rec.Recipient, Method: method}}
	if err := a.store.AddEvent(ctx, &e, nil); err != nil {
		return e, err
	}
	return e, nil
}

// Dossiers lists the dossiers made for a case, newest first.
func (a *App) Dossiers(ctx context.Context, caseID string) ([]store.DossierRecord, error) {
	return a.store.Dossiers(ctx, caseID)
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// coverFacts are the key dates and the evidence checklist summary for the
// dossier's cover, in the dossier's language.
func (a *App) coverFacts(ctx context.Context, in letters.Input) ([]string, string) {
	as, err := a.assess(ctx, in.Case, in.Events)
	if err != nil {
		return nil, ""
	}
	l := lang.EN
	if in.Lang == evidence.Chinese {
		l = lang.ZH
	}
	var dates []string
	for _, d := range as.Deadlines {
		if !escalation.ShowsDeadline(escalation.Audience(in.To), d) {
			continue
		}
		key, args := d.When()
		dates = append(dates, d.Due.Format(evidence.DateLayout)+" — "+l.T("esc.clock."+string(d.Clock))+" ("+l.T(key, args...)+")")
	}
	if !ChecklistFor(in.To) {
		return dates, "" // never hand a recipient the missing evidence (escalation.ShowsChecklist)
	}
	key, args := as.Checklist.Summary()
	colon, semi, comma := ": ", "; ", ", "
	if l == lang.ZH {
		colon, semi, comma = "：", "；", "、"
	}
	summary := l.T("ui.evidence-checklist") + colon + l.T(key, args...)
	if len(as.Checklist.Missing) > 0 {
		var miss []string
		for _, it := range as.Checklist.Missing {
			miss = append(miss, l.T(it.Key))
		}
		summary += semi + l.T("cli.missing-evidence", "items", strings.Join(miss, comma))
	}
	return dates, summary
}

// ProblemKey is the lang key that says, in the user's words, why an exhibit
// could not be shown in a dossier (the dossier itself has the technical detail).
func ProblemKey(p letters.ExhibitProblem) string {
	switch {
	case errors.Is(p.Err, images.ErrNotImage):
		return "exhibit.not-image"
	case errors.Is(p.Err, images.ErrUnsupported):
		return "exhibit.unsupported"
	case errors.Is(p.Err, images.ErrCorrupt):
		return "exhibit.damaged"
	case errors.Is(p.Err, images.ErrTooLarge):
		return "exhibit.too-large"
	}
	return "exhibit.unreadable"
}
