package bundle

import (
	"archive/zip"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"slices"
	"strings"
	"time"

	"redress/seal"
)

// Result is the check of one archive entry.
type Result struct {
	Path     string
	Expected string // SHA-256 from the manifest, "" when the entry is not listed
	Actual   string // SHA-256 recomputed, "" when the entry could not be read
	Size     int64  // bytes read
	OK       bool
	Problem  string // the error key when not OK ("bundle.hash-mismatch")
}

// Report is the outcome of VerifyArchive.
type Report struct {
	AppVersion string          // from the manifest
	Created    time.Time       // from the manifest
	Signature  *seal.Signature // the manifest's signature; nil when unsigned
	Results    []Result        // the signature when there is one, one per manifest line, then one per unlisted entry
}

// OK reports whether every entry verified.
func (r Report) OK() bool {
	for _, res := range r.Results {
		if !res.OK {
			return false
		}
	}
	return len(r.Results) > 0
}

// VerifyArchive recomputes the SHA-256 of every entry of a case archive and
// compares it with the manifest. A problem with one entry (hash or size
// mismatch, missing, unlisted, unsafe name, too large) is a Result that is
// not OK; an archive that cannot be checked at all (not a ZIP, truncated,
// no readable manifest, newer schema) is an *Error. Default limits apply.
func VerifyArchive(r io.ReaderAt, size int64) (Report, error) {
	lim := Limits{}.orDefault()
	zr, err := openZip(r, size, lim)
	if err != nil {
		return Report{}, err
	}
	var mf *zip.File
	for _, f := range zr.File {
		if f.Name == ManifestName {
			if mf != nil {
				return Report{}, fail(ErrDuplicate, ManifestName)
			}
			mf = f
		}
	}
	if mf == nil {
		return Report{}, fail(ErrMissingManifest, ManifestName)
	}
	if err := checkEntry(mf, lim); err != nil {
		return Report{}, err
	}
	raw, err := readEntry(mf, "", -1, lim.MaxJSON, &meter{total: lim.MaxTotal, left: lim.MaxTotal}, true)
	if err != nil {
		return Report{}, err
	}
	m, err := parseManifest(raw)
	var e *Error
	if err != nil && !(errors.As(err, &e) && e.key == ErrMissingCase.key) {
		return Report{}, err
	}
	rep := Report{AppVersion: m.AppVersion, Created: m.Created, Signature: m.Signature}
	if m.Signature != nil {
		res := Result{Path: ManifestName + " (signature)", Expected: m.Signature.Fingerprint, OK: true}
		if err := checkSignature(m); err != nil {
			res.OK, res.Problem = false, ErrBadSignature.key
		}
		rep.Results = append(rep.Results, res)
	}
	rep.Results = append(rep.Results, verifyFiles(zr, m, lim)...)
	return rep, nil
}

// Verify recomputes the SHA-256 of every entry again, as VerifyArchive does.
func (a *Archive) Verify() []Result { return verifyFiles(a.zr, a.Manifest, a.lim) }

// verifyFiles checks every manifest line against the archive, then lists
// the entries the manifest does not name.
func verifyFiles(zr *zip.Reader, m Manifest, lim Limits) []Result {
	byName := map[string][]*zip.File{}
	for _, f := range zr.File {
		byName[f.Name] = append(byName[f.Name], f)
	}
	budget := &meter{total: lim.MaxTotal, left: lim.MaxTotal}
	var out []Result
	listed := map[string]bool{ManifestName: true, FilesDir: true, DossiersDir: true}
	for _, fe := range m.Files {
		listed[fe.Path] = true
		res := Result{Path: fe.Path, Expected: fe.SHA256}
		fs := byName[fe.Path]
		switch {
		case len(fs) == 0:
			res.Problem = ErrMissingFile.key
		case len(fs) > 1:
			res.Problem = ErrDuplicate.key
		default:
			res.Actual, res.Size, res.Problem = check(fs[0], fe, lim, budget)
			res.OK = res.Problem == ""
		}
		out = append(out, res)
	}
	var unlisted []Result
	for _, f := range zr.File {
		if listed[f.Name] {
			continue
		}
		res := Result{Path: f.Name, Problem: ErrUnlisted.key}
		if checkEntry(f, lim) == nil {
			res.Actual, res.Size, _ = check(f, FileEntry{Path: f.Name, Size: -1}, lim, budget)
		}
		unlisted = append(unlisted, res)
	}
	slices.SortStableFunc(unlisted, func(a, b Result) int { return strings.Compare(a.Path, b.Path) })
	return append(out, unlisted...)
}

// check verifies one entry: header checks, then its bytes against fe
// (fe.Size < 0: unknown size, no expected hash). It returns the hash
// computed, the bytes read and the problem key, or "".
func check(f *zip.File, fe FileEntry, lim Limits, budget *meter) (actual string, n int64, problem string) {
	if err := checkEntry(f, lim); err != nil {
		return "", 0, err.(*Error).key
	}
	rc, err := f.Open()
	if err != nil {
		return "", 0, readError(f.Name, err).key
	}
	defer rc.Close()
	limit := min(lim.MaxFile, budget.left)
	h := sha256.New()
	n, err = io.Copy(h, io.LimitReader(rc, limit+1))
	budget.left -= n
	switch {
	case n > limit:
		return "", n, ErrTooLarge.key
	case err != nil:
		return "", n, readFailure(f.Name, err).key
	}
	actual = hex.EncodeToString(h.Sum(nil))
	switch {
	case fe.Size < 0:
		return actual, n, ""
	case n != fe.Size:
		return actual, n, ErrSizeMismatch.key
	case actual != fe.SHA256:
		return actual, n, ErrHashMismatch.key
	}
	return actual, n, ""
}
