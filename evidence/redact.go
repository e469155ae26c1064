package evidence

import (
	"regexp"
	"strings"
)

// numberRun finds runs that may be account, card or phone numbers: an
// optional +, then at least 8 digits, possibly grouped by single spaces or
// dashes.
var numberRun = regexp.MustCompile(`\+?\d(?:[ \-]?\d){7,}`)

var dateLike = regexp.MustCompile(`^\d{4}-\d{1,2}-\d{1,2}(?: \d{1,2})?$`)

// Redact masks account numbers, card numbers and phone numbers in s,
// keeping only their last four digits ("6222 0202 0202 0202" becomes
// "•••• 0202"). A run is masked when it has at least 8 digits, possibly
// grouped with single spaces or dashes and starting with +. It is left
// alone when it touches a Latin letter or digit (transaction IDs such as
// TX2026112012345678), continues with a decimal point, comma, colon or
// slash (amounts such as 12345678.00, times), or is a date (2026-11-20).
// Chinese text around a number does not stop it being masked.
func Redact(s string) string {
	idx := numberRun.FindAllStringIndex(s, -1)
	if idx == nil {
		return s
	}
	var b strings.Builder
	last := 0
	for _, m := range idx {
		start, end := m[0], m[1]
		if start > 0 && isLatinWord(s[start-1]) {
			continue
		}
		if end < len(s) {
			if c := s[end]; isLatinWord(c) || c == '.' || c == ',' || c == ':' || c == '/' {
				continue
			}
		}
		run := s[start:end]
		if dateLike.MatchString(run) {
			continue
		}
		digits := make([]byte, 0, len(run))
		for i := 0; i < len(run); i++ {
			if run[i] >= '0' && run[i] <= '9' {
				digits = append(digits, run[i])
			}
		}
		b.WriteString(s[last:start])
		b.WriteString("•••• ")
		b.Write(digits[len(digits)-4:])
		last = end
	}
	b.WriteString(s[last:])
	return b.String()
}

func isLatinWord(c byte) bool {
	return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
}
