package app

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"time"

	"redress/dossier"
	"redress/escalation"
	"redress/evidence"
	"redress/lang"
	"redress/letters"
	"redress/seal"
	"redress/store"
)

// DossierOptions choose what a dossier is for and how it looks.
type DossierOptions struct {
	To     letters.Recipient
	Lang   evidence.Language // "" = the case's letter language
	Paper  string            // "a4" (default) or "letter"
	Redact bool
	// OwnCopy makes the user's own copy of the dossier for To: marked
	// "do not send" on every page, its cover adding the evidence
	// checklist with what is missing and the user's own time limits
	// (escalation.OwnCopy), which a recipient's dossier never shows.
	OwnCopy bool
	Out     string // where to write the PDF
	// Progress, when set, is told how far rendering has got (0..1).
	Progress func(done float64)
	// Selection, when set, is what goes in beyond the default (entries
	// left out, private notes put in), and is remembered for the case and
	// recipient; nil uses the remembered choice (selection.go).
	Selection *Selection
}

// DossierResult is what was made.
type DossierResult struct {
	Record   store.DossierRecord
	Problems []dossier.Problem
	// Entries is how many timeline entries the dossier includes, LeftOut
	// the IDs of the case's entries left out of it (as its manifest says).
	Entries int
	LeftOut []string
	// OwnCopy: the user's own copy (DossierOptions.OwnCopy), not sent.
	OwnCopy bool
}

// DossierMemoryLimit is the soft memory limit (runtime/debug) in force
// while a dossier renders: the garbage collector then works harder instead
// of letting the heap grow (docs/PERFORMANCE.md).
const DossierMemoryLimit = 200 << 20

// Dossier renders the case's dossier PDF to opts.Out: the cover, the
// letter (the saved draft when there is one), the chronology, tables and
// exhibits. The case, its timeline and the exhibits' bytes are read in one
// read transaction, so a dossier never mixes two states of the case; the
// exhibits are read one by one while the PDF is written, each checked
// against its SHA-256. The generation is recorded in the database and the
// audit log.
func (a *App) Dossier(ctx context.Context, caseRef string, opts DossierOptions) (DossierResult, error) {
	var res DossierResult
	if opts.To == "" {
		opts.To = letters.Provider
	}
	if opts.Paper == "" {
		opts.Paper = "a4"
	}
	id, err := a.store.ResolveCase(ctx, caseRef)
	if err != nil {
		return res, err
	}
	sel, err := a.dossierSelection(ctx, id, opts)
	if err != nil {
		return res, err
	}
	// The audit log's head as the dossier is made, printed on its cover
	// and in its manifest; the finished file is signed with the install
	// key (docs/ARCHIVE.md).
	head, _, err := a.ChainHead(ctx)
	if err != nil {
		return res, err
	}
	sl := &dossier.Seal{HeadSeq: head.Seq, HeadHash: head.Hash, Fingerprint: a.Fingerprint(),
		Sign: func(st []byte) (seal.Signature, error) { return a.SignManifest(st) }}
	var in letters.Input
	var size int64
	var result dossier.Result
	var out string
	err = a.store.Read(ctx, func(snap *store.Snapshot) error {
		c, err := snap.Case(id)
		if err != nil {
			return err
		}
		evs, err := snap.Timeline(c.ID, store.Query{OldestFirst: true})
		if err != nil {
			return err
		}
		evs, leftOut := choose(evs, sel)
		var xs []evidence.Enclosure
		in, xs, err = a.letterInput(ctx, c, evs, opts.To, opts.Lang)
		if err != nil {
			return err
		}
		forms, err := a.formPages(ctx, in, evs, opts.Redact)
		if err != nil {
			return err
		}
		text, err := a.letter(ctx, in)
		if err != nil {
			return err
		}
		audience := escalation.Audience(in.To)
		if opts.OwnCopy {
			audience = escalation.OwnCopy
		}
		keyDates, summary := a.coverFacts(ctx, in, audience)
		var mu sync.Mutex
		done := 0
		var bufs bufferPool
		read := func(att evidence.Attachment) ([]byte, error) { // from the renderer's goroutines
			b := bytes.NewBuffer(bufs.get(att.Size))
			err := snap.WriteAttachment(att, b) // checks the size and the SHA-256
			if opts.Progress != nil {
				mu.Lock()
				done++
				opts.Progress(0.9 * float64(done) / float64(len(xs)))
				mu.Unlock()
			}
			if err != nil {
				return nil, err
			}
			return b.Bytes(), nil
		}
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(DossierMemoryLimit))
		out, err = writeFile(opts.Out, "dossier.cannot-write", func(w io.Writer) error {
			cw := &countWriter{w: w}
			var err error
			result, err = dossier.Render(cw, dossier.Dossier{Case: in.Case, Events: in.Events, To: in.To, Lang: in.Lang,
				Paper: opts.Paper, Redact: opts.Redact, OwnCopy: opts.OwnCopy, LetterText: text, Exhibits: xs, Read: read, Release: bufs.put, Generated: a.now(),
				KeyDates: keyDates, ChecklistSummary: summary, Forms: forms, LeftOut: leftOut, Seal: sl})
			size = cw.n
			if err != nil {
				return fmt.Errorf("render dossier: %w", err)
			}
			// Reads fail once ctx is cancelled, which would make
			// placeholders of the remaining exhibits: such a dossier is
			// not kept.
			return ctx.Err()
		})
		return err
	})
	if err != nil {
		return res, spaceError(err, opts.Out)
	}
	if opts.Progress != nil {
		opts.Progress(1)
	}
	res.Problems = result.Problems
	res.Entries, res.LeftOut, res.OwnCopy = len(result.Manifest.Entries), result.Manifest.LeftOut, opts.OwnCopy
	res.Record = store.DossierRecord{ID: evidence.NewID(), CaseID: id, Recipient: string(opts.To), Language: string(in.Lang),
		SHA256: result.SHA256, Size: size, Pages: result.Pages, Path: out}
	if err := a.store.RecordDossier(ctx, &res.Record); err != nil {
		return res, err
	}
	return res, nil
}

// MarkSent records in the timeline that a dossier was sent: a letter event
// to its recipient carrying the dossier's SHA-256.
func (a *App) MarkSent(ctx context.Context, rec DossierRecord, method, reference string, at time.Time) (evidence.Event, error) {
	l := &evidence.Letter{To: rec.Recipient}
	l.Channel, l.Method = evidence.SentBy(method) // "email", "fax"…: how it was sent
	e := evidence.Event{CaseID: rec.CaseID, Kind: evidence.KindLetter, At: at, Reference: reference,
		Summary: fmt.Sprintf("Dossier sent (%d pages, SHA-256 %s)", rec.Pages, rec.SHA256),
		Notes:   filepath.Base(rec.Path),
		Letter:  l}
	if err := a.store.AddEvent(ctx, &e, nil); err != nil {
		return e, err
	}
	return e, nil
}

// Dossiers lists the dossiers made for a case, newest first.
func (a *App) Dossiers(ctx context.Context, caseID string) ([]store.DossierRecord, error) {
	return a.store.Dossiers(ctx, caseID)
}

// bufferPool keeps the buffers of exhibits already written for the next
// ones, so that a dossier allocates about as many buffers as it has
// exhibits in flight rather than one per exhibit: less for the garbage
// collector to do, and no fresh memory to clear and map each time.
type bufferPool struct {
	mu   sync.Mutex
	free [][]byte
}

// get returns an empty slice with room for n bytes: the smallest free
// buffer large enough, else a new one a quarter larger than needed, so
// that it fits the next exhibits of about the same size.
func (p *bufferPool) get(n int64) []byte {
	p.mu.Lock()
	defer p.mu.Unlock()
	best := -1
	for i, b := range p.free {
		if int64(cap(b)) >= n && (best < 0 || cap(b) < cap(p.free[best])) {
			best = i
		}
	}
	if best < 0 {
		return make([]byte, 0, n+n/4)
	}
	b := p.free[best]
	p.free = slices.Delete(p.free, best, best+1)
	return b[:0]
}

// put gives a buffer back; at most 4 are kept (the pipeline takes the
// next one soon after).
func (p *bufferPool) put(b []byte) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.free) < 4 {
		p.free = append(p.free, b)
	}
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
// dossier's cover, in the dossier's language, as far as its reader may see
// them (the recipient's party, or escalation.OwnCopy).
func (a *App) coverFacts(ctx context.Context, in letters.Input, reader escalation.Audience) ([]string, string) {
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
		if !escalation.ShowsDeadline(reader, d) {
			continue
		}
		key, args := d.When()
		dates = append(dates, l.T("dossier.keydate", "date", d.Due.Format(evidence.DateLayout),
			"clock", l.T("esc.clock."+string(d.Clock)), "when", l.T(key, args...)))
	}
	if !escalation.ShowsChecklist(reader) {
		return dates, "" // never hand a recipient the missing evidence
	}
	key, args := as.Checklist.Summary()
	summary := l.T(key, args...)
	if len(as.Checklist.Missing) > 0 {
		var miss []string
		for _, it := range as.Checklist.Missing {
			miss = append(miss, l.T(it.Key))
		}
		summary = l.T("dossier.checklist-missing", "summary", summary,
			"missing", l.T("cli.missing-evidence", "items", strings.Join(miss, l.T("dossier.list-sep"))))
	}
	return dates, l.T("dossier.checklist-summary", "label", l.T("ui.evidence-checklist"), "summary", summary)
}

// ProblemKey is the lang key that says, in the user's words, why an exhibit
// could not be shown in a dossier (the dossier itself has the technical detail).
func ProblemKey(p dossier.Problem) string { return p.Cause.Key() }
