package evidence

import (
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// CheckText refuses text that would garble a terminal, a PDF or a search:
// invalid UTF-8, NUL and other control characters (a multi-line field may
// hold tabs and line breaks), and in single-line fields the Unicode
// direction overrides that make text display in another order than it is
// stored (U+202A–U+202E, U+2066–U+2069). The error names the field and
// shows the character escaped.
func CheckText(field, s string, multiline bool) error {
	if !utf8.ValidString(s) {
		return &FieldError{Field: field, Reason: ReasonInvalidText}
	}
	for _, r := range s {
		switch {
		case multiline && (r == '\n' || r == '\t' || r == '\r'):
		case isControl(r), !multiline && isBidiControl(r):
			return &FieldError{Field: field, Reason: ReasonControlChar, Value: escapeRune(r)}
		}
	}
	return nil
}

func isControl(r rune) bool { return r < 0x20 || (r >= 0x7f && r < 0xa0) }

func isBidiControl(r rune) bool {
	return (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069)
}

func escapeRune(r rune) string {
	if r < 0x100 {
		return fmt.Sprintf(`\x%02x`, r)
	}
	return fmt.Sprintf(`\u%04x`, r)
}

// Printable makes text safe to print to a terminal: control characters
// (line breaks and tabs included), direction overrides and other
// invisible format characters, and bytes that are not UTF-8 are shown
// escaped (\x1b, \u202e, \xff) instead of being acted on.
func Printable(s string) string {
	clean := true
	for _, r := range s {
		if r == utf8.RuneError || isControl(r) || (unicode.Is(unicode.Cf, r) && r != 0x200c && r != 0x200d) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n <= 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case isControl(r) || (unicode.Is(unicode.Cf, r) && r != 0x200c && r != 0x200d):
			b.WriteString(escapeRune(r))
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// Dates Redress accepts: from 1970 (nothing about a digital wallet
// happened earlier) to one year after today (a promised date may lie
// ahead; further is a typing mistake).
var earliest = time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC)

// CheckDate refuses a time before 1970 or, when now is not zero, more than
// a year after now. value is what the user typed, for the message.
func CheckDate(field string, t, now time.Time, value string) error {
	if t.Before(earliest) || t.Year() > 9999 || (!now.IsZero() && t.After(now.AddDate(1, 0, 0))) {
		if value == "" {
			value = t.Format(time.RFC3339)
		}
		return &FieldError{Field: field, Reason: ReasonImplausibleDate, Value: value}
	}
	return nil
}

// textField is one field's text and whether it may have several lines.
type textField struct {
	name      string
	value     string
	multiline bool
}

func checkTexts(es *Errors, fields ...textField) {
	for _, f := range fields {
		es.add(CheckText(f.name, f.value, f.multiline))
	}
}
