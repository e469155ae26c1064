// Package dossier renders a case into an escalation-ready PDF dossier: a
// cover with the table of contents (cover.go), the complaint letter
// (letter.go), the chronology, transactions and contact log (chronology.go,
// drawn as tables by table.go), the exhibit index and one page or more per
// exhibit (exhibits.go), the bookmarks and contents (outline.go) and an
// embedded manifest of every exhibit's SHA-256 (manifest.go).
//
// Pages are drawn through a small canvas (canvas.go); gofpdf, which lays
// out the text and fonts, is used in one file (gofpdf.go). Pictures and
// attached files never pass through gofpdf: they are read one at a time
// while the dossier is laid out, prepared on every core (images.go) and
// streamed into the file as soon as they are ready (file.go), so memory
// does not grow with the number of exhibits. A sealed dossier (Seal) ends
// with its installation's signature of the whole file (signature.go,
// CheckSignature).
package dossier

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"time"

	"redress/evidence"
	"redress/letters"
	"redress/letters/images"
	"redress/seal"
)

// Dossier is everything a PDF dossier is rendered from.
type Dossier struct {
	Case   evidence.Case
	Events []evidence.Event // any order; archived events are left out
	To     letters.Recipient
	Lang   evidence.Language // "" means the case's language
	Paper  string            // "a4" (the default) or "letter"
	// Redact masks account, card and phone numbers in everything the
	// user typed, except their last four digits (see evidence.Redact).
	// Attached files (non-image exhibits) are embedded unaltered.
	Redact bool
	// OwnCopy marks the user's own copy of the dossier for To: its cover
	// says it is not for sending and every page's footer repeats it (its
	// cover may list what the evidence lacks, see ChecklistSummary).
	OwnCopy    bool
	LetterText string // the letter, paragraphs separated by blank lines
	// Exhibits are the numbered files to show or attach
	// (evidence.Enclosures).
	Exhibits []evidence.Enclosure
	// Read reads an exhibit's original bytes, checked against its SHA-256
	// (a read that fails or does not match makes that exhibit a
	// placeholder page). It is called once per distinct file, a few
	// exhibits ahead of the page being laid out, from up to GOMAXPROCS
	// goroutines at once; the bytes are dropped once the exhibit is
	// written, so memory does not grow with the number of exhibits.
	Read func(evidence.Attachment) ([]byte, error)
	// Release, when set, is handed back every slice Read returned once
	// the dossier holds no reference to it (its exhibit is written), so
	// that Read can reuse the memory for a later exhibit. Slices of
	// exhibits not reached (an error, a cancelled render) are not.
	Release   func([]byte)
	Generated time.Time // fixes every date the PDF carries; zero means now
	Author    string    // "" means the complainant's name
	// Optional lines for the cover page.
	KeyDates         []string
	ChecklistSummary string
	// Forms are the official complaint forms filled from the case, each
	// printed as an appendix (never in a dossier for the provider).
	Forms []FormPage
	// LeftOut are the IDs of the case's entries the user chose to leave
	// out (Events holds only those included); the manifest records them.
	LeftOut []string
	// Seal, when set, makes the dossier checkable later: see Seal.
	Seal *Seal
}

// Seal is what ties a dossier to the installation that made it
// (docs/ARCHIVE.md): the head of its audit log when the dossier was made
// and its key's fingerprint, printed on the cover and written in the
// manifest, and the key's signature of the finished file, embedded as
// SignatureName.
type Seal struct {
	HeadSeq     int64  // the audit log's last entry …
	HeadHash    string // … and its hash (redress verify-log --head SEQ:HASH)
	Fingerprint string // the install key's fingerprint (seal.Fingerprint)
	// Sign signs a statement with the install key for
	// seal.PurposeManifest (App.SignManifest).
	Sign func(statement []byte) (seal.Signature, error)
}

// head is the audit head as verify-log --head takes it.
func (s *Seal) head() string { return strconv.FormatInt(s.HeadSeq, 10) + ":" + s.HeadHash }

// Cause is why an exhibit could not be shown. Its Key is the lang key that
// says so in the user's words, in the app and on the placeholder page.
type Cause int

// The causes.
const (
	CauseUnreadable  Cause = iota // the picture could not be read
	CauseNotImage                 // the file is not a picture
	CauseUnsupported              // a picture format that cannot be shown (HEIC…)
	CauseCorrupt                  // the picture file is damaged
	CauseTooLarge                 // the picture is too large
)

// CauseOf classifies an error from images.Prepare.
func CauseOf(err error) Cause {
	switch {
	case errors.Is(err, images.ErrNotImage):
		return CauseNotImage
	case errors.Is(err, images.ErrUnsupported):
		return CauseUnsupported
	case errors.Is(err, images.ErrCorrupt):
		return CauseCorrupt
	case errors.Is(err, images.ErrTooLarge):
		return CauseTooLarge
	}
	return CauseUnreadable
}

// Key is the cause's lang key.
func (c Cause) Key() string {
	switch c {
	case CauseNotImage:
		return "exhibit.not-image"
	case CauseUnsupported:
		return "exhibit.unsupported"
	case CauseCorrupt:
		return "exhibit.damaged"
	case CauseTooLarge:
		return "exhibit.too-large"
	}
	return "exhibit.unreadable"
}

// Problem is an exhibit that could not be shown in the dossier. It gets a
// placeholder page, and its original bytes are still attached when they
// could be read.
type Problem struct {
	Number, FileName, SHA256 string
	Reason                   string // the technical reason, in English
	Cause                    Cause
	Err                      error
}

// Result describes a rendered dossier.
type Result struct {
	Pages    int
	Problems []Problem
	Manifest Manifest
	// SHA256 is the SHA-256 of the whole file, as written (hex).
	SHA256 string
}

// Render writes the PDF dossier for d to w.
//
// Layout: a cover page (with the table of contents), the letter, the
// chronology, the transactions and the contact log, the exhibit index, then
// one page per exhibit. Every line of text is broken by typeset.Break and
// drawn one line at a time, never by gofpdf's own wrapping. Images are
// prepared in parallel (about 300 dpi at the printed size) and scaled to
// fit the page; a screenshot much taller than the page is shown full width
// over several pages, each page showing the next vertical slice of the same
// image (a clip, not a copy) with a small overlap, so nothing is cut away.
// Identical files are read, prepared and embedded once. Non-image exhibits,
// and images that cannot be shown, are embedded as file attachments; an
// image that cannot be shown also gets a placeholder page and is reported
// in Result.Problems. The same input gives the same document.
func Render(w io.Writer, d Dossier) (Result, error) {
	return render(w, d, nil)
}

// render is Render; trace, when set, receives every block of text (a
// paragraph, a table cell, a label) as it is drawn, with the page it starts
// on, for the round-trip tests.
func render(w io.Writer, d Dossier, trace func(page int, text string)) (Result, error) {
	r, err := newRenderer(d)
	if err != nil {
		return Result{}, fmt.Errorf("dossier: %w", err)
	}
	r.trace = trace
	res, err := r.render(w)
	if err != nil {
		return Result{}, fmt.Errorf("dossier for case %s: %w", d.Case.ID, err)
	}
	return res, nil
}
