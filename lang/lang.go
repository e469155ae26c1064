// Package lang holds every user-facing string of Redress in English and
// Simplified Chinese, detects the user's language and turns errors into one
// clear sentence in that language.
package lang

import (
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"sort"
	"strconv"
	"strings"

	"redress/evidence"
)

// Lang is a user-interface language.
type Lang string

// The supported languages.
const (
	EN Lang = "en"
	ZH Lang = "zh"
)

// All lists the supported languages.
var All = []Lang{EN, ZH}

// Each language's catalog is the union of the JSON files in its folder
// (en/*.json, zh/*.json), one file per area of the app, so that work on one
// area does not touch the strings of another. A key defined in two files
// of one language is a mistake and stops the program at start.
//
//go:embed en/*.json zh/*.json
var files embed.FS

var catalogs = map[Lang]map[string]string{}

func init() {
	for _, l := range All {
		m, err := load(files, string(l))
		if err != nil {
			panic(err)
		}
		catalogs[l] = m
	}
}

// load merges the catalog files in dir of fsys, refusing a key defined twice.
func load(fsys fs.FS, dir string) (map[string]string, error) {
	names, err := fs.Glob(fsys, dir+"/*.json")
	if err != nil || len(names) == 0 {
		return nil, fmt.Errorf("lang: missing catalog %s: %v", dir, err)
	}
	m := map[string]string{}
	from := map[string]string{}
	for _, name := range names {
		raw, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("lang: catalog %s: %w", name, err)
		}
		part := map[string]string{}
		if err := json.Unmarshal(raw, &part); err != nil {
			return nil, fmt.Errorf("lang: catalog %s: %w", name, err)
		}
		for k, v := range part {
			if prev, ok := from[k]; ok {
				return nil, fmt.Errorf("lang: key %q is defined in both %s and %s", k, prev, name)
			}
			m[k], from[k] = v, name
		}
	}
	return m, nil
}

// Keys returns the sorted keys of a language's catalog.
func Keys(l Lang) []string {
	keys := make([]string, 0, len(catalogs[l]))
	for k := range catalogs[l] {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Has reports whether key is in the language's catalog.
func (l Lang) Has(key string) bool {
	_, ok := catalogs[l][key]
	return ok
}

// Parse maps a locale name such as "zh_CN.UTF-8", "zh-Hans" or "en-GB" to a
// supported language; ok is false when it names neither.
func Parse(locale string) (l Lang, ok bool) {
	s := strings.ToLower(strings.TrimSpace(locale))
	switch {
	case strings.HasPrefix(s, "zh"):
		return ZH, true
	case strings.HasPrefix(s, "en"):
		return EN, true
	}
	return EN, false
}

// Detect picks the language from REDRESS_LANG, then the locale variables
// as POSIX orders them (the first non-empty of LC_ALL, LC_MESSAGES, LANG
// decides), then the system locale (Windows and macOS settings). A locale
// of C or POSIX, with or without a codeset (C.UTF-8), means English, as
// does any language other than Chinese.
func Detect() Lang { return detect(os.Getenv, systemLocale) }

func detect(getenv func(string) string, system func() string) Lang {
	if l, ok := Parse(getenv("REDRESS_LANG")); ok {
		return l
	}
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		val := strings.TrimSpace(getenv(v))
		if val == "" {
			continue
		}
		if IsPOSIXLocale(val) {
			return EN
		}
		l, _ := Parse(val)
		return l
	}
	l, _ := Parse(system())
	return l
}

// IsPOSIXLocale reports whether a locale name is the C or POSIX locale,
// with or without a codeset or modifier ("C", "C.UTF-8", "POSIX").
func IsPOSIXLocale(val string) bool {
	name, _, _ := strings.Cut(val, ".")
	name, _, _ = strings.Cut(name, "@")
	return name == "C" || name == "POSIX"
}

// N translates a count: key+".one" when n is 1, else key+".other", with
// {n} filled ("1 entry", "2 entries"; Chinese says both alike).
func (l Lang) N(key string, n int, kv ...string) string {
	form := ".other"
	if n == 1 {
		form = ".one"
	}
	return l.T(key+form, append([]string{"n", strconv.Itoa(n)}, kv...)...)
}

// T returns the translation of key with {name} placeholders filled from
// kv pairs ("name", value, ...). A missing key falls back to English, then
// to the key itself, so a gap never hides a message.
func (l Lang) T(key string, kv ...string) string {
	s, ok := catalogs[l][key]
	if !ok {
		s, ok = catalogs[EN][key]
		if !ok {
			s = key
		}
	}
	for i := 0; i+1 < len(kv); i += 2 {
		s = strings.ReplaceAll(s, "{"+kv[i]+"}", kv[i+1])
	}
	return s
}

// Error is an error with a translatable message. Its Error method gives the
// English sentence; Lang.Err gives it in the user's language.
type Error struct {
	Key  string
	Args []string // name, value pairs for the placeholders
	Err  error    // the cause, if any, for logs and errors.Is
}

// E makes an Error from a catalog key and placeholder pairs.
func E(key string, kv ...string) *Error { return &Error{Key: key, Args: kv} }

// Wrap makes an Error that keeps err as its cause.
func Wrap(err error, key string, kv ...string) *Error {
	return &Error{Key: key, Args: kv, Err: err}
}

func (e *Error) Error() string {
	s := EN.T(e.Key, e.Args...)
	if e.Err != nil {
		s += " (" + e.Err.Error() + ")"
	}
	return s
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// Err turns any error into sentences in the language: field errors name the
// field and the reason, Errors use their own message, anything else is
// reported as unexpected with its text.
func (l Lang) Err(err error) string {
	if err == nil {
		return ""
	}
	var le *Error
	if errors.As(err, &le) {
		return l.T(le.Key, le.Args...)
	}
	if fields := evidence.Fields(err); len(fields) > 0 {
		parts := make([]string, len(fields))
		for i, f := range fields {
			parts[i] = l.Field(f)
		}
		return strings.Join(parts, " ")
	}
	return l.T("error.unexpected", "detail", err.Error())
}

// Field renders one field error as a sentence.
func (l Lang) Field(f *evidence.FieldError) string {
	s := l.T("reason."+string(f.Reason),
		"field", l.T("field."+f.Field),
		"value", f.Value,
		"limit", f.Limit,
		"allowed", strings.Join(f.Allowed, ", "))
	return s
}

// Label translates an enumerated value such as a problem kind
// ("problem.topup-not-credited") falling back to the raw value.
func (l Lang) Label(group, value string) string {
	key := group + "." + value
	if _, ok := catalogs[l][key]; ok {
		return l.T(key)
	}
	if _, ok := catalogs[EN][key]; ok {
		return EN.T(key)
	}
	return value
}
