package dossier

import (
	"encoding/json"
	"fmt"
	"time"

	"redress/evidence"
)

// Manifest lists what a dossier contains. It is embedded in the PDF as the
// file attachment ManifestName.
type Manifest struct {
	CaseID    string    `json:"case_id"`
	Generated time.Time `json:"generated"`
	Recipient string    `json:"recipient"`
	// AuditHead ("SEQ:HASH") and KeyFingerprint come from Dossier.Seal:
	// the installation's audit log and key when the dossier was made.
	AuditHead      string          `json:"audit_head,omitempty"`
	KeyFingerprint string          `json:"key_fingerprint,omitempty"`
	Exhibits       []ManifestEntry `json:"exhibits"`
	// Entries are the IDs of the timeline entries the dossier includes,
	// and LeftOut those of the case's entries the user left out of it
	// (Dossier.LeftOut): IDs only, never what a left-out entry says.
	Entries []string `json:"entries,omitempty"`
	LeftOut []string `json:"left_out,omitempty"`
	// OwnCopy: the user's own copy (Dossier.OwnCopy), not for sending.
	OwnCopy bool `json:"own_copy,omitempty"`
}

// ManifestEntry is one exhibit in the manifest.
type ManifestEntry struct {
	Number string `json:"number"`
	Name   string `json:"name"`
	SHA256 string `json:"sha256"`
	Size   int64  `json:"size"`
}

// ManifestName is the name of the manifest attachment inside a dossier.
const ManifestName = "redress-manifest.json"

// manifest builds the manifest and its JSON, which is known before any
// exhibit is read and so is the first embedded file.
func (r *renderer) manifest() (Manifest, []byte, error) {
	m := Manifest{
		CaseID:    r.d.Case.ID,
		Generated: r.d.Generated,
		Recipient: string(r.d.To),
		Exhibits:  make([]ManifestEntry, len(r.d.Exhibits)),
		LeftOut:   r.d.LeftOut,
		OwnCopy:   r.d.OwnCopy,
	}
	for _, e := range r.events {
		m.Entries = append(m.Entries, e.ID)
	}
	if s := r.d.Seal; s != nil {
		m.AuditHead, m.KeyFingerprint = s.head(), s.Fingerprint
	}
	for i, x := range r.d.Exhibits {
		name := x.Attachment.Name
		if r.d.Redact {
			name = evidence.Redact(name)
		}
		m.Exhibits[i] = ManifestEntry{Number: x.Number, Name: name, SHA256: x.Attachment.SHA256, Size: x.Attachment.Size}
	}
	data, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return m, nil, fmt.Errorf("encode manifest: %w", err)
	}
	return m, append(data, '\n'), nil
}

const manifestDescription = "Redress manifest: case, generation time, recipient and the SHA-256 of every exhibit"
