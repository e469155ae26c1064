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
	"maps"
	"slices"
	"strings"
	"time"

	"redress/evidence"
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
	Redacted     bool                        `json:"redacted"`
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
