package bundle

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"maps"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"redress/evidence"
	"redress/seal"
)

// Limits bound what Open and VerifyArchive accept, against zip bombs and
// hostile archives. A zero field takes its default from DefaultLimits.
type Limits struct {
	MaxEntries int   // entries in the archive
	MaxFile    int64 // uncompressed bytes of one entry
	MaxTotal   int64 // uncompressed bytes of all entries together
	MaxJSON    int64 // uncompressed bytes of case.json or manifest.json
	MaxRatio   int64 // uncompressed:compressed ratio allowed…
	RatioFloor int64 // …for entries larger than this many bytes
}

// DefaultLimits returns the limits used for zero fields: 10 000 entries,
// 512 MiB per entry, 4 GiB in all, 64 MiB of JSON, and a compression ratio
// of at most 100:1 for entries over 1 MiB.
func DefaultLimits() Limits {
	return Limits{MaxEntries: 10000, MaxFile: 512 << 20, MaxTotal: 4 << 30,
		MaxJSON: 64 << 20, MaxRatio: 100, RatioFloor: 1 << 20}
}

func (l Limits) orDefault() Limits {
	d := DefaultLimits()
	if l.MaxEntries <= 0 {
		l.MaxEntries = d.MaxEntries
	}
	if l.MaxFile <= 0 {
		l.MaxFile = d.MaxFile
	}
	if l.MaxTotal <= 0 {
		l.MaxTotal = d.MaxTotal
	}
	if l.MaxJSON <= 0 {
		l.MaxJSON = d.MaxJSON
	}
	if l.MaxRatio <= 0 {
		l.MaxRatio = d.MaxRatio
	}
	if l.RatioFloor <= 0 {
		l.RatioFloor = d.RatioFloor
	}
	return l
}

// Opener opens one file of an archive. The reader checks the bytes against
// their SHA-256 and size as they are read: a mismatch is an *Error from
// Read instead of io.EOF.
type Opener func() (io.ReadCloser, error)

// Archive is a case archive that passed every check of Open.
type Archive struct {
	Data     Data              // case.json
	Manifest Manifest          // manifest.json
	Files    map[string]Opener // attachment SHA-256 → its original bytes
	Dossiers map[string]Opener // dossier file name ("report.pdf") → its bytes

	zr  *zip.Reader
	lim Limits
}

// Open reads a case archive and validates all of it before returning: the
// ZIP structure, every entry name and type, sizes and compression ratios
// against limits, the manifest, the schema version, every file's SHA-256
// and size, and the case and its events (evidence validation plus
// consistent IDs and attachments). The first problem found is returned as
// an *Error naming the entry.
func Open(r io.ReaderAt, size int64, limits Limits) (*Archive, error) {
	lim := limits.orDefault()
	zr, err := openZip(r, size, lim)
	if err != nil {
		return nil, err
	}
	entries, err := checkEntries(zr, lim)
	if err != nil {
		return nil, err
	}
	mf, ok := entries[ManifestName]
	if !ok {
		return nil, fail(ErrMissingManifest, ManifestName)
	}
	if _, ok := entries[CaseName]; !ok {
		return nil, fail(ErrMissingCase, CaseName)
	}
	budget := &meter{total: lim.MaxTotal, left: lim.MaxTotal}
	raw, err := readEntry(mf, "", -1, lim.MaxJSON, budget, true)
	if err != nil {
		return nil, err
	}
	m, err := parseManifest(raw)
	if err != nil {
		return nil, err
	}
	if err := checkSignature(m); err != nil {
		return nil, err
	}
	listed := make(map[string]FileEntry, len(m.Files))
	for _, fe := range m.Files {
		listed[fe.Path] = fe
		f, ok := entries[fe.Path]
		if !ok {
			if fe.Path == CaseName {
				return nil, fail(ErrMissingCase, CaseName)
			}
			return nil, fail(ErrMissingFile, fe.Path)
		}
		if f.UncompressedSize64 != uint64(fe.Size) {
			return nil, &Error{key: ErrSizeMismatch.key, Entry: fe.Path,
				Detail: fmt.Sprintf("the archive declares %d bytes, the manifest %d", f.UncompressedSize64, fe.Size)}
		}
	}
	for _, name := range sortedNames(entries) {
		if _, ok := listed[name]; !ok && name != ManifestName {
			return nil, fail(ErrUnlisted, name)
		}
	}
	var caseJSON []byte
	for _, fe := range m.Files {
		max := lim.MaxFile
		keep := fe.Path == CaseName
		if keep {
			max = lim.MaxJSON
		}
		b, err := readEntry(entries[fe.Path], fe.SHA256, fe.Size, max, budget, keep)
		if err != nil {
			return nil, err
		}
		if keep {
			caseJSON = b
		}
	}
	d, err := parseData(caseJSON)
	if err != nil {
		return nil, err
	}
	sizes, err := validateData(&d)
	if err != nil {
		return nil, err
	}
	a := &Archive{Data: d, Manifest: m, Files: map[string]Opener{}, Dossiers: map[string]Opener{}, zr: zr, lim: lim}
	for _, sha := range slices.Sorted(maps.Keys(sizes)) {
		fe, ok := listed[FilesDir+sha]
		if !ok {
			return nil, fail(ErrMissingFile, FilesDir+sha)
		}
		if fe.Size != sizes[sha] {
			return nil, &Error{key: ErrSizeMismatch.key, Entry: fe.Path,
				Detail: fmt.Sprintf("the attachment says %d bytes, the file has %d", sizes[sha], fe.Size)}
		}
	}
	for _, fe := range m.Files {
		switch {
		case strings.HasPrefix(fe.Path, FilesDir):
			sha := strings.TrimPrefix(fe.Path, FilesDir)
			if _, ok := sizes[sha]; !ok {
				return nil, fail(ErrOrphanFile, fe.Path)
			}
			a.Files[sha] = opener(entries[fe.Path], fe)
		case strings.HasPrefix(fe.Path, DossiersDir):
			a.Dossiers[strings.TrimPrefix(fe.Path, DossiersDir)] = opener(entries[fe.Path], fe)
		}
	}
	return a, nil
}

// checkSignature refuses a manifest whose signature does not match it.
// An unsigned manifest (an archive from before signing) passes: callers
// tell the user it is unsigned.
func checkSignature(m Manifest) error {
	if m.Signature == nil {
		return nil
	}
	if _, err := seal.Verify(*m.Signature, seal.PurposeArchive, m.Signed()); err != nil {
		return &Error{key: ErrBadSignature.key, Entry: ManifestName, Err: err}
	}
	if fp, err := m.Signature.Key(); err == nil && seal.Fingerprint(fp) != m.Signature.Fingerprint {
		return &Error{key: ErrBadSignature.key, Entry: ManifestName, Detail: "the fingerprint does not match the key"}
	}
	return nil
}

// openZip reads the ZIP directory, telling a truncated ZIP from a file that
// is not a ZIP at all.
func openZip(r io.ReaderAt, size int64, lim Limits) (*zip.Reader, error) {
	if size <= 0 {
		return nil, fail(ErrNotZip, "")
	}
	if n, ok := declaredEntries(r, size); ok && n != 0xffff && n > lim.MaxEntries {
		return nil, &Error{key: ErrTooMany.key, Limit: strconv.Itoa(lim.MaxEntries), Detail: strconv.Itoa(n) + " entries"}
	}
	zr, err := zip.NewReader(r, size)
	if err != nil && !(errors.Is(err, zip.ErrInsecurePath) && zr != nil) {
		head := make([]byte, 4)
		if _, herr := r.ReadAt(head, 0); herr == nil && string(head) == "PK\x03\x04" {
			return nil, &Error{key: ErrTruncated.key, Err: err}
		}
		return nil, &Error{key: ErrNotZip.key, Err: err}
	}
	if len(zr.File) > lim.MaxEntries {
		return nil, &Error{key: ErrTooMany.key, Limit: strconv.Itoa(lim.MaxEntries), Detail: strconv.Itoa(len(zr.File)) + " entries"}
	}
	return zr, nil
}

// declaredEntries reads the entry count of the end-of-central-directory
// record, so that an archive claiming millions of entries is refused before
// its directory is parsed.
func declaredEntries(r io.ReaderAt, size int64) (int, bool) {
	const eocdLen = 22
	n := min(size, eocdLen+0xffff)
	buf := make([]byte, n)
	if _, err := r.ReadAt(buf, size-n); err != nil && err != io.EOF {
		return 0, false
	}
	i := bytes.LastIndex(buf, []byte("PK\x05\x06"))
	if i < 0 || len(buf)-i < eocdLen ||
		int(binary.LittleEndian.Uint16(buf[i+20:])) != len(buf)-i-eocdLen { // comment length
		return 0, false
	}
	return int(binary.LittleEndian.Uint16(buf[i+10:])), true
}

// checkEntries checks every entry's name, type, compression and declared
// size without reading any data, and returns the files by name (directory
// entries "files/" and "dossiers/" are ignored).
func checkEntries(zr *zip.Reader, lim Limits) (map[string]*zip.File, error) {
	entries := make(map[string]*zip.File, len(zr.File))
	folded := make(map[string]bool, len(zr.File))
	var total uint64
	for _, f := range zr.File {
		if err := checkEntry(f, lim); err != nil {
			return nil, err
		}
		name := f.Name
		key := strings.ToLower(name)
		if folded[key] {
			return nil, fail(ErrDuplicate, name)
		}
		folded[key] = true
		if name == FilesDir || name == DossiersDir {
			continue
		}
		total += f.UncompressedSize64
		if total > uint64(lim.MaxTotal) {
			return nil, &Error{key: ErrTooLarge.key, Entry: name, Limit: sizeText(lim.MaxTotal),
				Detail: "the archive declares more in all"}
		}
		entries[name] = f
	}
	return entries, nil
}

// checkEntry checks one entry's header.
func checkEntry(f *zip.File, lim Limits) error {
	name := f.Name
	if !safePath(name) {
		return fail(ErrUnsafePath, name)
	}
	mode := f.Mode()
	if mode&fs.ModeSymlink != 0 {
		return fail(ErrSymlink, name)
	}
	if mode.IsDir() || strings.HasSuffix(name, "/") {
		if (name != FilesDir && name != DossiersDir) || f.UncompressedSize64 != 0 {
			return fail(ErrUnknownEntry, name)
		}
		return nil
	}
	if !mode.IsRegular() {
		return fail(ErrSymlink, name)
	}
	if !knownName(name) {
		return fail(ErrUnknownEntry, name)
	}
	if f.Flags&0x1 != 0 || (f.Method != zip.Store && f.Method != zip.Deflate) {
		return &Error{key: ErrUnsupported.key, Entry: name, Detail: fmt.Sprintf("method %d, flags %#x", f.Method, f.Flags)}
	}
	max := lim.MaxFile
	if name == CaseName || name == ManifestName {
		max = lim.MaxJSON
	}
	if f.UncompressedSize64 > uint64(max) {
		return &Error{key: ErrTooLarge.key, Entry: name, Limit: sizeText(max),
			Detail: fmt.Sprintf("declares %d bytes", f.UncompressedSize64)}
	}
	if f.UncompressedSize64 > uint64(lim.RatioFloor) &&
		(f.CompressedSize64 == 0 || f.UncompressedSize64/f.CompressedSize64 > uint64(lim.MaxRatio)) {
		return &Error{key: ErrRatio.key, Entry: name, Limit: strconv.FormatInt(lim.MaxRatio, 10) + ":1",
			Detail: fmt.Sprintf("%d bytes from %d", f.UncompressedSize64, f.CompressedSize64)}
	}
	return nil
}

// safePath reports whether an entry name is a relative slash-separated path
// that cannot leave the archive's directory on any system: no "..", "." or
// empty segments, no leading "/", no backslashes, no drive letters or other
// colons, no control characters, valid UTF-8.
func safePath(name string) bool {
	if name == "" || !utf8.ValidString(name) || strings.HasPrefix(name, "/") ||
		strings.ContainsAny(name, `\:`) {
		return false
	}
	for _, r := range name {
		if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
			return false
		}
	}
	segs := strings.Split(strings.TrimSuffix(name, "/"), "/")
	for _, s := range segs {
		if s == "" || s == "." || s == ".." {
			return false
		}
	}
	return true
}

// safeSegment reports whether a dossier name is a usable file name on every
// system.
func safeSegment(s string) bool {
	if s == "" || s == "." || s == ".." || utf8.RuneCountInString(s) > 100 ||
		!utf8.ValidString(s) || strings.ContainsAny(s, `/\:*?"<>|`) ||
		strings.TrimSpace(s) != s || strings.HasSuffix(s, ".") {
		return false
	}
	for _, r := range s {
		if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
			return false
		}
	}
	base, _, _ := strings.Cut(strings.ToUpper(s), ".")
	switch base {
	case "CON", "PRN", "AUX", "NUL":
		return false
	}
	if len(base) == 4 && (strings.HasPrefix(base, "COM") || strings.HasPrefix(base, "LPT")) && base[3] >= '0' && base[3] <= '9' {
		return false
	}
	return true
}

// knownName reports whether a file name belongs to the format: case.json,
// manifest.json, files/<sha256>, dossiers/<name>.pdf.
func knownName(name string) bool {
	switch {
	case name == CaseName || name == ManifestName:
		return true
	case strings.HasPrefix(name, FilesDir):
		return isSHA(strings.TrimPrefix(name, FilesDir))
	case strings.HasPrefix(name, DossiersDir):
		base, ok := strings.CutSuffix(strings.TrimPrefix(name, DossiersDir), ".pdf")
		return ok && safeSegment(base)
	}
	return false
}

func sortedNames(m map[string]*zip.File) []string { return slices.Sorted(maps.Keys(m)) }

// meter counts the uncompressed bytes read against the total limit.
type meter struct{ total, left int64 }

// readEntry reads one entry, at most max bytes and no more than the
// budget has left, checks its size and (unless wantSHA is "") its SHA-256,
// and returns its bytes when keep is set. wantSize < 0 means unknown.
func readEntry(f *zip.File, wantSHA string, wantSize, max int64, budget *meter, keep bool) ([]byte, error) {
	name := f.Name
	rc, err := f.Open()
	if err != nil {
		return nil, readError(name, err)
	}
	defer rc.Close()
	limit := min(max, budget.left)
	h := sha256.New()
	var buf bytes.Buffer
	var w io.Writer = h
	if keep {
		w = io.MultiWriter(h, &buf)
	}
	n, err := io.Copy(w, io.LimitReader(rc, limit+1))
	budget.left -= n
	switch {
	case n > max:
		return nil, &Error{key: ErrTooLarge.key, Entry: name, Limit: sizeText(max), Detail: "more bytes than the limit"}
	case n > limit:
		return nil, &Error{key: ErrTooLarge.key, Entry: name, Limit: sizeText(budget.total), Detail: "the archive expands to more than the total limit"}
	case err != nil:
		return nil, readFailure(name, err)
	case wantSize >= 0 && n != wantSize:
		return nil, &Error{key: ErrSizeMismatch.key, Entry: name, Detail: fmt.Sprintf("%d bytes, the manifest says %d", n, wantSize)}
	}
	if got := hex.EncodeToString(h.Sum(nil)); wantSHA != "" && got != wantSHA {
		return nil, &Error{key: ErrHashMismatch.key, Entry: name, Detail: fmt.Sprintf("sha256 %s, the manifest says %s", got, wantSHA)}
	}
	return buf.Bytes(), nil
}

// readError classifies an error from reading an entry's data.
func readError(name string, err error) *Error {
	if errors.Is(err, zip.ErrAlgorithm) {
		return &Error{key: ErrUnsupported.key, Entry: name, Err: err}
	}
	return &Error{key: ErrCorrupt.key, Entry: name, Err: err}
}

// readFailure classifies an error met while reading an entry's data:
// archive/zip reports ErrFormat there only when the data holds more bytes
// than the header declares.
func readFailure(name string, err error) *Error {
	if errors.Is(err, zip.ErrFormat) {
		return &Error{key: ErrSizeMismatch.key, Entry: name, Detail: "more bytes than declared", Err: err}
	}
	return readError(name, err)
}

// opener returns an Opener that re-verifies the entry against fe.
func opener(f *zip.File, fe FileEntry) Opener {
	return func() (io.ReadCloser, error) {
		rc, err := f.Open()
		if err != nil {
			return nil, readError(f.Name, err)
		}
		return &verifier{rc: rc, r: io.LimitReader(rc, fe.Size+1), h: sha256.New(), fe: fe}, nil
	}
}

// verifier passes an entry's bytes through and checks them at the end.
type verifier struct {
	rc  io.ReadCloser
	r   io.Reader
	h   hash.Hash
	n   int64
	fe  FileEntry
	err error
}

func (v *verifier) Read(p []byte) (int, error) {
	if v.err != nil {
		return 0, v.err
	}
	n, err := v.r.Read(p)
	v.h.Write(p[:n])
	v.n += int64(n)
	switch {
	case v.n > v.fe.Size:
		v.err = &Error{key: ErrSizeMismatch.key, Entry: v.fe.Path, Detail: "more bytes than the manifest says"}
		return n, v.err
	case err == io.EOF:
		if v.n != v.fe.Size {
			v.err = &Error{key: ErrSizeMismatch.key, Entry: v.fe.Path, Detail: fmt.Sprintf("%d bytes, the manifest says %d", v.n, v.fe.Size)}
		} else if got := hex.EncodeToString(v.h.Sum(nil)); got != v.fe.SHA256 {
			v.err = &Error{key: ErrHashMismatch.key, Entry: v.fe.Path, Detail: "sha256 " + got}
		} else {
			v.err = io.EOF
		}
		return n, v.err
	case err != nil:
		v.err = readFailure(v.fe.Path, err)
		return n, v.err
	}
	return n, nil
}

func (v *verifier) Close() error { return v.rc.Close() }

// schemaOf reads the "schema" member of a JSON object and refuses unknown
// and newer versions.
func schemaOf(raw []byte, entry string) error {
	var head map[string]json.RawMessage
	if err := json.Unmarshal(raw, &head); err != nil {
		return &Error{key: ErrBadJSON.key, Entry: entry, Err: err}
	}
	s := string(head["schema"])
	if s == "" {
		return &Error{key: ErrSchemaUnknown.key, Entry: entry, Detail: "no schema member"}
	}
	n, err := strconv.ParseInt(s, 10, 64)
	switch {
	case err != nil && strings.Trim(s, "0123456789") == "":
		return &Error{key: ErrSchemaNewer.key, Entry: entry, Detail: "schema " + s}
	case err != nil || n < 1:
		return &Error{key: ErrSchemaUnknown.key, Entry: entry, Detail: "schema " + printable(s)}
	case n > Schema:
		return &Error{key: ErrSchemaNewer.key, Entry: entry, Detail: "schema " + s}
	}
	return nil
}

// parseManifest decodes and checks manifest.json: schema, JSON, and that
// every line names a format entry once with a well-formed SHA-256 and size.
func parseManifest(raw []byte) (Manifest, error) {
	var m Manifest
	if err := schemaOf(raw, ManifestName); err != nil {
		return m, err
	}
	if err := json.Unmarshal(raw, &m); err != nil {
		return m, &Error{key: ErrBadJSON.key, Entry: ManifestName, Err: err}
	}
	if m.Schema != Schema {
		return m, &Error{key: ErrSchemaUnknown.key, Entry: ManifestName, Detail: "schema " + strconv.Itoa(m.Schema)}
	}
	seen := map[string]bool{}
	for _, fe := range m.Files {
		switch {
		case !safePath(fe.Path):
			return m, fail(ErrUnsafePath, fe.Path)
		case fe.Path == ManifestName:
			return m, &Error{key: ErrBadManifest.key, Entry: fe.Path, Detail: "the manifest lists itself"}
		case !knownName(fe.Path):
			return m, fail(ErrUnknownEntry, fe.Path)
		case seen[strings.ToLower(fe.Path)]:
			return m, &Error{key: ErrBadManifest.key, Entry: fe.Path, Detail: "listed twice"}
		case !isSHA(fe.SHA256):
			return m, &Error{key: ErrBadManifest.key, Entry: fe.Path, Detail: "malformed sha256 " + printable(fe.SHA256)}
		case fe.Size < 0:
			return m, &Error{key: ErrBadManifest.key, Entry: fe.Path, Detail: "negative size"}
		case strings.HasPrefix(fe.Path, FilesDir) && fe.SHA256 != strings.TrimPrefix(fe.Path, FilesDir):
			return m, &Error{key: ErrHashMismatch.key, Entry: fe.Path, Detail: "the manifest gives another sha256 " + fe.SHA256}
		}
		seen[strings.ToLower(fe.Path)] = true
	}
	if !seen[CaseName] {
		return m, fail(ErrMissingCase, CaseName)
	}
	return m, nil
}

// parseData decodes case.json after checking its schema. Missing
// collections become empty ones.
func parseData(raw []byte) (Data, error) {
	var d Data
	if err := schemaOf(raw, CaseName); err != nil {
		return d, err
	}
	if err := json.Unmarshal(raw, &d); err != nil {
		return d, &Error{key: ErrBadJSON.key, Entry: CaseName, Err: err}
	}
	if d.Schema != Schema {
		return d, &Error{key: ErrSchemaUnknown.key, Entry: CaseName, Detail: "schema " + strconv.Itoa(d.Schema)}
	}
	d.fillEmpty()
	return d, nil
}

// validateData checks the case and every event with evidence validation,
// and that IDs and attachments are consistent. It returns the size of each
// attachment SHA-256.
func validateData(d *Data) (map[string]int64, error) {
	bad := func(detail string, err error) error {
		return &Error{key: ErrBadCase.key, Entry: CaseName, Detail: detail, Err: err}
	}
	if !isID(d.Case.ID) {
		return nil, bad("the case has no ID", nil)
	}
	if err := d.Case.Validate(); err != nil {
		return nil, bad("case", err)
	}
	for i, c := range d.CaseHistory {
		if c.ID != d.Case.ID {
			return nil, bad(fmt.Sprintf("case_history[%d] is another case (%s)", i, printable(c.ID)), nil)
		}
	}
	sizes := map[string]int64{}
	checkAttachments := func(e *evidence.Event) error {
		for _, a := range e.Attachments {
			if !isID(a.ID) {
				return bad(fmt.Sprintf("event %s: attachment ID %q is not a UUID", printable(e.ID), printable(a.ID)), nil)
			}
			if !isSHA(a.SHA256) {
				return bad(fmt.Sprintf("event %s: attachment %s has a malformed sha256", printable(e.ID), printable(a.ID)), nil)
			}
			if a.Size < 0 {
				return bad(fmt.Sprintf("event %s: attachment %s has a negative size", printable(e.ID), printable(a.ID)), nil)
			}
			if s, ok := sizes[a.SHA256]; ok && s != a.Size {
				return bad(fmt.Sprintf("attachments with sha256 %s disagree on the size", a.SHA256), nil)
			}
			sizes[a.SHA256] = a.Size
		}
		return nil
	}
	ids := make(map[string]bool, len(d.Events))
	for i := range d.Events {
		e := &d.Events[i]
		if !isID(e.ID) || ids[e.ID] {
			return nil, bad(fmt.Sprintf("events[%d] has a malformed or repeated ID %q", i, printable(e.ID)), nil)
		}
		ids[e.ID] = true
		if e.CaseID != d.Case.ID {
			return nil, bad(fmt.Sprintf("event %s belongs to another case", printable(e.ID)), nil)
		}
		if err := e.Validate(); err != nil {
			return nil, bad("event "+printable(e.ID), err)
		}
		if err := checkAttachments(e); err != nil {
			return nil, err
		}
	}
	dossierIDs := map[string]bool{}
	for i, r := range d.Dossiers {
		switch {
		case !isID(r.ID) || dossierIDs[r.ID]:
			return nil, bad(fmt.Sprintf("dossiers[%d] has a malformed or repeated ID %q", i, printable(r.ID)), nil)
		case !isSHA(r.SHA256):
			return nil, bad(fmt.Sprintf("dossier %s has a malformed sha256", r.ID), nil)
		case r.Size < 0 || r.Pages < 0:
			return nil, bad(fmt.Sprintf("dossier %s has a negative size", r.ID), nil)
		case !slices.Contains(evidence.Parties, r.Recipient):
			return nil, bad(fmt.Sprintf("dossier %s has an unknown recipient %q", r.ID, printable(r.Recipient)), nil)
		case r.Language != string(evidence.Chinese) && r.Language != string(evidence.English):
			return nil, bad(fmt.Sprintf("dossier %s has an unknown language %q", r.ID, printable(r.Language)), nil)
		case evidence.CheckText("file", r.File, false) != nil:
			return nil, bad(fmt.Sprintf("dossier %s has an unusable file name", r.ID), nil)
		}
		dossierIDs[r.ID] = true
	}
	if cl := d.Client; cl != nil {
		switch {
		case !isID(cl.ID) || cl.ID != d.Case.ClientID:
			return nil, bad(fmt.Sprintf("the client %q is not the case's client", printable(cl.ID)), nil)
		case cl.Validate() != nil:
			return nil, bad("client", cl.Validate())
		}
	}
	for _, to := range slices.Sorted(maps.Keys(d.Selections)) {
		if !slices.Contains(evidence.Parties, to) {
			return nil, bad(fmt.Sprintf("selections has an unknown recipient %q", printable(to)), nil)
		}
		sel := d.Selections[to]
		for _, id := range append(slices.Clone(sel.Exclude), sel.Include...) {
			if !isID(id) {
				return nil, bad(fmt.Sprintf("selections[%s] names a malformed entry ID %q", to, printable(id)), nil)
			}
		}
	}
	for _, id := range slices.Sorted(maps.Keys(d.EventHistory)) {
		if !ids[id] {
			return nil, bad(fmt.Sprintf("event_history names an unknown event %s", printable(id)), nil)
		}
		for i := range d.EventHistory[id] {
			e := &d.EventHistory[id][i]
			if e.ID != id || e.CaseID != d.Case.ID {
				return nil, bad(fmt.Sprintf("event_history[%s][%d] is another event", printable(id), i), nil)
			}
			if err := checkAttachments(e); err != nil {
				return nil, err
			}
		}
	}
	return sizes, nil
}

// isID reports whether s is a UUID in its canonical 36-character form
// (8-4-4-4-12 hex digits), as evidence.NewID makes them.
func isID(s string) bool {
	if len(s) != 36 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch i {
		case 8, 13, 18, 23:
			if c != '-' {
				return false
			}
		default:
			if !isDigit(c) && (c < 'a' || c > 'f') && (c < 'A' || c > 'F') {
				return false
			}
		}
	}
	return true
}
