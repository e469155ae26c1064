package typeset

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/go-text/typesetting/segmenter"
	"golang.org/x/text/unicode/norm"
)

// Sanitize makes s safe to hand to gofpdf with a font that draws exactly the
// runes for which has returns true.
//
// It works on grapheme clusters (UAX #29). A cluster is kept unchanged when
// every rune in it is in the Basic Multilingual Plane, drawable, and not a
// control character. Otherwise:
//
//   - invisible format characters the font lacks (Unicode's
//     Default_Ignorable_Code_Point: byte order mark, zero-width space and
//     joiners, direction marks, variation selectors, soft hyphen) are
//     removed, as Unicode asks of a renderer that cannot show them — a "□"
//     would show something the original never showed ("❤️" becomes "❤");
//   - if what is left is drawable, it is kept; else if its NFC form is
//     drawable (a decomposed "é" typed on a Mac), the NFC form is used;
//   - else the whole cluster becomes one visible substitute: "□" if
//     has('□'), else "?".
//
// So an emoji, a ZWJ emoji sequence ("👨‍👩‍👧"), a flag, a character of CJK
// Extension B or a combining sequence the font lacks each become a single
// substitute; nothing visible is ever dropped.
//
// Line endings are kept: "\n" and "\t" pass through, and the other line
// separators ("\r\n", a lone "\r", U+0085, U+2028, U+2029) become "\n".
// Every other control character is substituted. Invalid UTF-8 is treated as
// U+FFFD. A nil has means every BMP rune is drawable. Sanitize never panics.
func Sanitize(s string, has func(rune) bool) string {
	return SanitizeWith(s, has, nil)
}

// SanitizeWith is Sanitize with the substitute of an undrawable cluster
// chosen by sub (given the cluster, without its invisible format
// characters), for example the emoji's name. A nil sub, or a substitute
// that is not drawable itself, gives "□" (or "?").
func SanitizeWith(s string, has func(rune) bool, sub func(cluster []rune) string) string {
	if has == nil {
		has = func(rune) bool { return true }
	}
	drawable := func(r rune) bool {
		return r <= 0xFFFF && !unicode.IsControl(r) && has(r)
	}
	// Fast path: nothing to change.
	clean := true
	for _, r := range s {
		if r != '\n' && r != '\t' && !drawable(r) {
			clean = false
			break
		}
	}
	if clean && utf8.ValidString(s) {
		return s
	}

	box := "?"
	if has('□') {
		box = "□"
	}
	substitute := func(g []rune) string {
		if sub != nil {
			if t := sub(g); t != "" && all([]rune(t), drawable) {
				return t
			}
		}
		return box
	}
	runes := []rune(s)
	var seg segmenter.Segmenter
	seg.Init(runes)
	var out strings.Builder
	out.Grow(len(s))
	start := 0
	for _, end := range graphemeEnds(&seg, runes, nil) {
		g := runes[start:end]
		start = end
		if len(g) == 1 {
			switch g[0] {
			case '\n', '\t':
				out.WriteRune(g[0])
				continue
			case '\r', 0x85, 0x2028, 0x2029:
				out.WriteByte('\n')
				continue
			}
		} else if len(g) == 2 && g[0] == '\r' && g[1] == '\n' {
			out.WriteByte('\n')
			continue
		}
		if all(g, drawable) {
			out.WriteString(string(g))
			continue
		}
		// Invisible format characters the font lacks (a byte order mark,
		// a zero-width space, a direction mark, a variation selector) are
		// meant to be skipped when they cannot be rendered (Unicode's
		// Default_Ignorable_Code_Point): a "□" would show something the
		// original never showed. "❤️" keeps its heart.
		g = slices.DeleteFunc(g, func(r rune) bool { return ignorable(r) && !drawable(r) })
		if len(g) == 0 || all(g, drawable) {
			out.WriteString(string(g))
			continue
		}
		if nfc := []rune(norm.NFC.String(string(g))); all(nfc, drawable) {
			out.WriteString(string(nfc))
			continue
		}
		out.WriteString(substitute(g))
	}
	return out.String()
}

// ignorable approximates Unicode's derived Default_Ignorable_Code_Point:
// format characters, variation selectors and the other default ignorables,
// but not the prepended concatenation marks (which are visible) nor the
// interlinear annotation characters.
func ignorable(r rune) bool {
	switch {
	case unicode.Is(unicode.Prepended_Concatenation_Mark, r), r >= 0xFFF9 && r <= 0xFFFB:
		return false
	}
	return unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Variation_Selector, r) ||
		unicode.Is(unicode.Other_Default_Ignorable_Code_Point, r)
}

func all(rs []rune, ok func(rune) bool) bool {
	for _, r := range rs {
		if !ok(r) {
			return false
		}
	}
	return true
}
