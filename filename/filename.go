// Package filename makes names that are valid files on Windows, macOS and
// Linux alike. Windows is the strictest: it refuses the characters
// < > : " / \ | ? * and control characters, drops trailing dots and
// spaces (so "report. " silently becomes "report"), and reserves the
// device names CON, PRN, AUX, NUL, COM0–COM9 and LPT0–LPT9 with any
// extension ("nul.pdf.partial" is the null device: bytes written there
// are gone). Names are compared without regard to case there and on
// macOS.
//
// A name that comes from the user's own file (an attachment's name) is
// only metadata in Redress; it passes through Safe before it becomes a
// file name again (saving a copy), and names Redress generates are Safe
// by construction.
package filename

import (
	"strings"
	"unicode/utf8"
)

// MaxBytes is the longest name most file systems accept (255 bytes).
const MaxBytes = 255

// Reserved reports whether Windows reserves name (a base name, not a
// path) for a device: CON, PRN, AUX, NUL, COM0–COM9, LPT0–LPT9 (and
// COM¹²³, LPT¹²³), in any case, alone or followed by an extension or by
// spaces.
func Reserved(name string) bool {
	stem, _, _ := strings.Cut(name, ".")
	stem = strings.ToUpper(strings.TrimRight(stem, " "))
	switch stem {
	case "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$":
		return true
	}
	if len(stem) > 3 && (strings.HasPrefix(stem, "COM") || strings.HasPrefix(stem, "LPT")) {
		switch stem[3:] {
		case "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "¹", "²", "³":
			return true
		}
	}
	return false
}

// invalid reports whether Windows refuses r in a file name.
func invalid(r rune) bool {
	return r < 0x20 || r == 0x7f || strings.ContainsRune(`<>:"/\|?*`, r) || r == utf8.RuneError
}

// Problem says what makes name unusable as a file name on Windows: ""
// when it is fine, else "empty", "reserved", "character" or "trailing".
func Problem(name string) string {
	switch {
	case name == "" || name == "." || name == "..":
		return "empty"
	case strings.IndexFunc(name, invalid) >= 0 || !utf8.ValidString(name):
		return "character"
	case strings.HasSuffix(name, ".") || strings.HasSuffix(name, " "):
		return "trailing"
	case Reserved(name):
		return "reserved"
	}
	return ""
}

// Safe returns name changed as little as possible to be a valid file
// name everywhere: refused characters become "_", trailing dots and
// spaces go, a reserved device name gets "_" after its stem ("CON.txt" →
// "CON_.txt"), a name longer than MaxBytes is shortened keeping its
// extension, and an empty result becomes fallback (itself made Safe).
func Safe(name, fallback string) string {
	var b strings.Builder
	for _, r := range strings.ToValidUTF8(name, "_") {
		if invalid(r) {
			r = '_'
		}
		b.WriteRune(r)
	}
	s := strings.TrimRight(strings.TrimSpace(b.String()), ". ")
	if s == "" {
		if fallback == "" || fallback == name {
			return "file"
		}
		return Safe(fallback, "")
	}
	if Reserved(s) {
		stem, ext, dotted := strings.Cut(s, ".")
		s = strings.TrimRight(stem, " ") + "_"
		if dotted {
			s += "." + ext
		}
	}
	if len(s) > MaxBytes {
		ext := ""
		if i := strings.LastIndexByte(s, '.'); i > 0 && len(s)-i <= 16 {
			ext = s[i:]
		}
		stem := s[:MaxBytes-len(ext)]
		for !utf8.ValidString(stem) { // do not cut a character in two
			stem = stem[:len(stem)-1]
		}
		s = strings.TrimRight(stem, ". ") + ext
	}
	return s
}

// Same reports whether two names name the same file on a file system
// that ignores case (Windows, macOS).
func Same(a, b string) bool { return strings.EqualFold(a, b) }
