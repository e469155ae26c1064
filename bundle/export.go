package bundle

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"hash"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"redress/evidence"
	"redress/seal"
)

// BlobSource streams attachment bytes for Export.
type BlobSource interface {
	// WriteBlob copies the original bytes of the attachment with this
	// SHA-256 (lower-case hex) to w.
	WriteBlob(ctx context.Context, sha string, w io.Writer) error
}

// ExportOptions controls Export.
type ExportOptions struct {
	// Redact masks account, card and phone numbers in every text field
	// (see Redact). Attachments are still included unchanged: they are the
	// evidence.
	Redact bool
	// Dossiers are PDF files to include as dossiers/<name>.pdf; a name may
	// be given with or without ".pdf".
	Dossiers map[string][]byte
	// Now is the export time (default time.Now()).
	Now time.Time
	// AppVersion is recorded in case.json and manifest.json.
	AppVersion string
	// Signer, when set, signs the manifest (Manifest.Signature).
	Signer Signer
}

// Export writes d and every attachment it names as a case archive to w.
// The attachment bytes come from blobs and are checked against their
// SHA-256 and size as they are written. Export refuses data that Open would
// refuse (an invalid case or event, inconsistent IDs) with an *Error.
// Entries are Deflated except already-compressed media, which are Stored;
// manifest.json comes last. The output is the same bytes for the same
// input and Now.
func Export(ctx context.Context, w io.Writer, d Data, blobs BlobSource, opts ExportOptions) error {
	now := opts.Now
	if now.IsZero() {
		now = time.Now()
	}
	now = now.Round(0)
	redacted := d.Redacted || opts.Redact
	if opts.Redact {
		d = redactData(d)
	}
	d.Schema, d.AppVersion, d.Exported, d.Redacted = Schema, opts.AppVersion, now, redacted
	d.fillEmpty()
	sizes, err := validateData(&d)
	if err != nil {
		return err
	}
	dossiers := make(map[string][]byte, len(opts.Dossiers))
	folded := map[string]bool{}
	for _, name := range slices.Sorted(maps.Keys(opts.Dossiers)) {
		base := strings.TrimSuffix(name, ".pdf")
		entry := DossiersDir + base + ".pdf"
		if !safeSegment(base) {
			return fail(ErrUnsafePath, entry)
		}
		if folded[strings.ToLower(entry)] { // "a" and "a.pdf", or "A" and "a"
			return fail(ErrDuplicate, entry)
		}
		folded[strings.ToLower(entry)] = true
		dossiers[entry] = opts.Dossiers[name]
	}
	stored := map[string]bool{} // sha → already-compressed media
	mark := func(es []evidence.Event) {
		for _, e := range es {
			for _, a := range e.Attachments {
				if isCompressed(a.MediaType) {
					stored[a.SHA256] = true
				}
			}
		}
	}
	mark(d.Events)
	for _, es := range d.EventHistory {
		mark(es)
	}

	x := &exporter{zw: zip.NewWriter(w), now: now.UTC()}
	var caseJSON bytes.Buffer
	enc := json.NewEncoder(&caseJSON)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(d); err != nil {
		return fmt.Errorf("bundle: encode %s: %w", CaseName, err)
	}
	if _, err := x.add(CaseName, zip.Deflate, func(w io.Writer) error {
		_, err := w.Write(caseJSON.Bytes())
		return err
	}); err != nil {
		return err
	}
	for _, sha := range d.Shas() {
		if err := ctx.Err(); err != nil {
			return err
		}
		name := FilesDir + sha
		method := zip.Deflate
		if stored[sha] {
			method = zip.Store
		}
		fe, err := x.add(name, method, func(w io.Writer) error {
			return blobs.WriteBlob(ctx, sha, w)
		})
		if err != nil {
			return err
		}
		if fe.SHA256 != sha {
			return &Error{key: ErrHashMismatch.key, Entry: name, Detail: "attachment source gave bytes with sha256 " + fe.SHA256}
		}
		if fe.Size != sizes[sha] {
			return &Error{key: ErrSizeMismatch.key, Entry: name,
				Detail: fmt.Sprintf("attachment source gave %d bytes, attachment says %d", fe.Size, sizes[sha])}
		}
	}
	for _, name := range slices.Sorted(maps.Keys(dossiers)) {
		if err := ctx.Err(); err != nil {
			return err
		}
		if _, err := x.add(name, zip.Store, func(w io.Writer) error {
			_, err := w.Write(dossiers[name])
			return err
		}); err != nil {
			return err
		}
	}
	m := Manifest{Schema: Schema, AppVersion: opts.AppVersion, Created: now, Files: x.files}
	if opts.Signer != nil {
		sig, err := opts.Signer.Sign(seal.PurposeArchive, m.Signed())
		if err != nil {
			return fmt.Errorf("bundle: sign %s: %w", ManifestName, err)
		}
		m.Signature = &sig
	}
	manifest, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return fmt.Errorf("bundle: encode %s: %w", ManifestName, err)
	}
	if _, err := x.add(ManifestName, zip.Deflate, func(w io.Writer) error {
		_, err := w.Write(append(manifest, '\n'))
		return err
	}); err != nil {
		return err
	}
	if err := x.zw.Close(); err != nil {
		return fmt.Errorf("bundle: finish archive: %w", err)
	}
	return nil
}

// exporter writes entries and remembers their fingerprints.
type exporter struct {
	zw    *zip.Writer
	now   time.Time
	files []FileEntry
}

// add writes one entry with fill and records it in the manifest list
// (except the manifest itself).
func (x *exporter) add(name string, method uint16, fill func(io.Writer) error) (FileEntry, error) {
	h := &zip.FileHeader{Name: name, Method: method, Modified: x.now}
	h.SetMode(0o600)
	fw, err := x.zw.CreateHeader(h)
	if err != nil {
		return FileEntry{}, fmt.Errorf("bundle: write %s: %w", name, err)
	}
	hw := &hashWriter{h: sha256.New()}
	if err := fill(io.MultiWriter(fw, hw)); err != nil {
		return FileEntry{}, fmt.Errorf("bundle: write %s: %w", name, err)
	}
	fe := FileEntry{Path: name, SHA256: hex.EncodeToString(hw.h.Sum(nil)), Size: hw.n}
	if name != ManifestName {
		x.files = append(x.files, fe)
	}
	return fe, nil
}

// hashWriter hashes and counts what is written to it.
type hashWriter struct {
	h hash.Hash
	n int64
}

func (w *hashWriter) Write(p []byte) (int, error) {
	w.h.Write(p)
	w.n += int64(len(p))
	return len(p), nil
}

// sizeText formats a size limit for messages: "512 MB" or "1000 bytes".
func sizeText(n int64) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return strconv.FormatInt(n>>20, 10) + " MB"
	}
	return strconv.FormatInt(n, 10) + " bytes"
}
