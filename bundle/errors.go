package bundle

import (
	"strings"
	"unicode"
)

// Error is why an archive was refused (or could not be written). Key is a
// stable message key ("bundle.hash-mismatch") with English and Chinese text
// in lang/en/*.json and lang/zh/*.json; Entry names the offending entry when there is one. Compare
// with errors.Is against the Err… sentinels, which match by key.
type Error struct {
	key    string
	Entry  string // the archive entry at fault, or ""
	Limit  string // the limit that was exceeded, for too-large, ratio, too-many-entries
	Detail string // technical detail for logs (expected and actual values…)
	Err    error  // the underlying cause, if any
}

// The refusals. Each matches (errors.Is) any *Error with the same key.
var (
	ErrNotZip          = &Error{key: "bundle.not-zip"}
	ErrTruncated       = &Error{key: "bundle.truncated"}
	ErrCorrupt         = &Error{key: "bundle.corrupt"}
	ErrUnsupported     = &Error{key: "bundle.unsupported"}
	ErrUnsafePath      = &Error{key: "bundle.unsafe-path"}
	ErrSymlink         = &Error{key: "bundle.symlink"}
	ErrDuplicate       = &Error{key: "bundle.duplicate"}
	ErrUnknownEntry    = &Error{key: "bundle.unknown-entry"}
	ErrTooMany         = &Error{key: "bundle.too-many-entries"}
	ErrTooLarge        = &Error{key: "bundle.too-large"}
	ErrRatio           = &Error{key: "bundle.ratio"}
	ErrMissingManifest = &Error{key: "bundle.missing-manifest"}
	ErrMissingCase     = &Error{key: "bundle.missing-case"}
	ErrBadJSON         = &Error{key: "bundle.bad-json"}
	ErrBadManifest     = &Error{key: "bundle.bad-manifest"}
	ErrSchemaUnknown   = &Error{key: "bundle.schema-unknown"}
	ErrSchemaNewer     = &Error{key: "bundle.schema-newer"}
	ErrUnlisted        = &Error{key: "bundle.unlisted-file"}
	ErrMissingFile     = &Error{key: "bundle.missing-file"}
	ErrOrphanFile      = &Error{key: "bundle.orphan-file"}
	ErrHashMismatch    = &Error{key: "bundle.hash-mismatch"}
	ErrSizeMismatch    = &Error{key: "bundle.size-mismatch"}
	ErrBadCase         = &Error{key: "bundle.bad-case"}
	ErrBadSignature    = &Error{key: "bundle.bad-signature"}
)

// phrases are the English log texts of the keys (the user-facing sentences
// are in lang/en/*.json and lang/zh/*.json).
var phrases = map[string]string{
	"bundle.not-zip":          "not a ZIP archive",
	"bundle.truncated":        "ZIP archive is truncated",
	"bundle.corrupt":          "entry is damaged",
	"bundle.unsupported":      "entry uses unsupported compression or encryption",
	"bundle.unsafe-path":      "unsafe entry name",
	"bundle.symlink":          "entry is a symbolic link or special file",
	"bundle.duplicate":        "duplicate entry name",
	"bundle.unknown-entry":    "entry is not part of the archive format",
	"bundle.too-many-entries": "too many entries",
	"bundle.too-large":        "expands beyond the size limit",
	"bundle.ratio":            "compression ratio too high",
	"bundle.missing-manifest": "manifest.json is missing",
	"bundle.missing-case":     "case.json is missing",
	"bundle.bad-json":         "malformed JSON",
	"bundle.bad-manifest":     "manifest is inconsistent",
	"bundle.schema-unknown":   "unknown schema version",
	"bundle.schema-newer":     "schema version is newer than this program",
	"bundle.unlisted-file":    "entry is not listed in the manifest",
	"bundle.missing-file":     "listed file is missing",
	"bundle.orphan-file":      "file belongs to no attachment",
	"bundle.hash-mismatch":    "SHA-256 does not match the manifest",
	"bundle.size-mismatch":    "size does not match the manifest",
	"bundle.bad-case":         "case or event is not valid",
	"bundle.bad-signature":    "the signature does not match the manifest",
}

// Key is the stable message key, e.g. "bundle.hash-mismatch".
func (e *Error) Key() string { return e.key }

// Args returns the placeholder pairs for the key's message: "name" (the
// entry, made printable) and "limit".
func (e *Error) Args() []string {
	return []string{"name", printable(e.Entry), "limit", e.Limit}
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("bundle: ")
	if e.Entry != "" {
		b.WriteString(printable(e.Entry))
		b.WriteString(": ")
	}
	b.WriteString(phrases[e.key])
	if e.Limit != "" {
		b.WriteString(" (limit ")
		b.WriteString(e.Limit)
		b.WriteString(")")
	}
	if e.Detail != "" {
		b.WriteString(": ")
		b.WriteString(e.Detail)
	}
	if e.Err != nil {
		b.WriteString(": ")
		b.WriteString(e.Err.Error())
	}
	return b.String()
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// Is reports whether target is an *Error with the same key, so that
// errors.Is(err, ErrHashMismatch) works whatever the entry.
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	return ok && t.key == e.key
}

// fail makes an *Error for the sentinel's key.
func fail(sentinel *Error, entry string) *Error {
	return &Error{key: sentinel.key, Entry: entry}
}

// printable replaces control characters and invalid
// UTF-8 with U+FFFD and shortens very long names, so a hostile entry name
// cannot garble a message.
func printable(s string) string {
	const max = 120
	var b strings.Builder
	n := 0
	for _, r := range s {
		if n == max {
			b.WriteString("…")
			break
		}
		if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
			r = unicode.ReplacementChar
		}
		b.WriteRune(r)
		n++
	}
	return b.String()
}
