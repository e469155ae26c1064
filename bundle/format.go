// Package bundle reads and writes Redress case archives: one ZIP file
// holding a case with its full history (case.json), every attachment's
// original bytes (files/<sha256>), optional PDF dossiers and a manifest of
// SHA-256 fingerprints (manifest.json). docs/ARCHIVE.md describes the
// format.
//
// Export writes an archive, Open validates one completely before anything
// is imported, and VerifyArchive recomputes every fingerprint. Every refusal
// is an *Error with a stable Key for translation.
package bundle

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"redress/evidence"
	"redress/seal"
)

// Schema is the archive format version this package writes and the newest
// it reads.
const Schema = 1

// Entry names inside the archive.
const (
	CaseName     = "case.json"
	ManifestName = "manifest.json"
	FilesDir     = "files/"
	DossiersDir  = "dossiers/"
)

// Data is the content of case.json: one case with everything that belongs
// to it.
type Data struct {
	Schema     int       `json:"schema"`
	AppVersion string    `json:"app_version"`
	Exported   time.Time `json:"exported"`

	Case         evidence.Case               `json:"case"`
	CaseHistory  []evidence.Case             `json:"case_history"`  // earlier versions, oldest first
	Events       []evidence.Event            `json:"events"`        // all, archived included
	EventHistory map[string][]evidence.Event `json:"event_history"` // event ID → earlier versions
	Checklist    map[string]bool             `json:"checklist"`     // checklist item ID → done
	Overrides    map[string]string           `json:"overrides"`     // rule ID → duration text
	Drafts       []Draft                     `json:"drafts"`        // letter drafts
	Dossiers     []DossierRecord             `json:"dossiers"`      // the dossier PDFs made for the case
	Redacted     bool                        `json:"redacted"`
	// Client is the client the case is for (case.client_id), so that the
	// receiving install has the client's details; absent for a user's own
	// case.
	Client *evidence.Client `json:"client,omitempty"`
	// Selections are the entries the user chose to leave out of (exclude)
	// or put into (include: private notes) the case's dossier, by
	// recipient.
	Selections map[string]Selection `json:"selections"`
}

// Selection is a remembered choice of what goes into a dossier: event IDs
// left out, and private notes put in.
type Selection struct {
	Exclude []string `json:"exclude"`
	Include []string `json:"include"`
}

// DossierRecord is a dossier PDF Redress made for the case: enough for
// `verify` on another install to recognise the PDF by its SHA-256. The PDF
// itself travels as dossiers/<file> only when asked for.
type DossierRecord struct {
	ID        string    `json:"id"`
	Recipient string    `json:"recipient"`
	Language  string    `json:"language"`
	SHA256    string    `json:"sha256"`
	Size      int64     `json:"size"`
	Pages     int       `json:"pages"`
	File      string    `json:"file"` // the PDF's file name when it was made
	Created   time.Time `json:"created"`
}

// Draft is an unsent letter.
type Draft struct {
	Recipient string            `json:"recipient"` // provider, association or regulator
	Language  evidence.Language `json:"language"`
	Text      string            `json:"text"`
	Updated   time.Time         `json:"updated"`
}

// Manifest is the content of manifest.json: the fingerprint of every other
// entry of the archive.
type Manifest struct {
	Schema     int         `json:"schema"`
	AppVersion string      `json:"app_version"`
	Created    time.Time   `json:"created"`
	Files      []FileEntry `json:"files"`
	// Signature is the exporting install's Ed25519 signature of Signed();
	// nil in archives from before signing.
	Signature *seal.Signature `json:"signature,omitempty"`
}

// Signed is what the manifest's signature covers: the schema, app version,
// creation time and every file line, one per line, in a fixed text form
// (docs/ARCHIVE.md, "Signing").
func (m Manifest) Signed() []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "schema %d\napp_version %s\ncreated %s\n", m.Schema, strconv.Quote(m.AppVersion), m.Created.UTC().Format(time.RFC3339Nano))
	for _, f := range m.Files {
		fmt.Fprintf(&b, "file %s %s %d\n", f.Path, f.SHA256, f.Size)
	}
	return []byte(b.String())
}

// Signer signs archive manifests for Export.
type Signer interface {
	Sign(purpose string, content []byte) (seal.Signature, error)
}

// FileEntry is one manifest line.
type FileEntry struct {
	Path   string `json:"path"`
	SHA256 string `json:"sha256"` // lower-case hex
	Size   int64  `json:"size"`
}

// Shas returns the distinct SHA-256 of every attachment in the events and
// their history, sorted.
func (d *Data) Shas() []string {
	seen := map[string]bool{}
	var out []string
	add := func(es []evidence.Event) {
		for _, e := range es {
			for _, a := range e.Attachments {
				if !seen[a.SHA256] {
					seen[a.SHA256] = true
					out = append(out, a.SHA256)
				}
			}
		}
	}
	add(d.Events)
	for _, id := range slices.Sorted(maps.Keys(d.EventHistory)) {
		add(d.EventHistory[id])
	}
	slices.Sort(out)
	return out
}

// fillEmpty replaces nil collections with empty ones, so that case.json
// always has [] and {} rather than null and readers need not check.
func (d *Data) fillEmpty() {
	if d.CaseHistory == nil {
		d.CaseHistory = []evidence.Case{}
	}
	if d.Events == nil {
		d.Events = []evidence.Event{}
	}
	if d.EventHistory == nil {
		d.EventHistory = map[string][]evidence.Event{}
	}
	if d.Checklist == nil {
		d.Checklist = map[string]bool{}
	}
	if d.Overrides == nil {
		d.Overrides = map[string]string{}
	}
	if d.Drafts == nil {
		d.Drafts = []Draft{}
	}
	if d.Dossiers == nil {
		d.Dossiers = []DossierRecord{}
	}
	if d.Selections == nil {
		d.Selections = map[string]Selection{}
	}
}

// isSHA reports whether s is 64 lower-case hex digits.
func isSHA(s string) bool {
	if len(s) != 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !isDigit(c) && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}

// compressed lists media types whose bytes are already compressed; they
// are Stored rather than Deflated.
var compressed = map[string]bool{
	"image/png": true, "image/jpeg": true, "application/pdf": true,
	"image/webp": true, "image/gif": true, "image/heic": true, "image/avif": true,
	"application/zip": true,
}

func isCompressed(mediaType string) bool {
	mt, _, _ := strings.Cut(mediaType, ";")
	mt = strings.TrimSpace(mt)
	return compressed[mt] || strings.HasPrefix(mt, "video/") || strings.HasPrefix(mt, "audio/")
}
