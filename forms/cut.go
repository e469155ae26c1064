package forms

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Ellipsis ends a text that had to be cut inside a sentence.
const Ellipsis = "…"

// Cut shortens text to at most max, counted the way c counts, and reports
// whether it had to. It keeps whole sentences: the cut falls after the
// last sentence end (。！？ or . ! ? before a space, a line end or the end,
// with any closing quote or bracket) or line end that fits. Only when the
// first sentence alone is too long does it cut inside it, at the last
// space that fits (or, in text without spaces such as Chinese, the last
// character that fits), never inside a character or before a combining
// mark, and end with Ellipsis, which is counted too. max ≤ 0 means no
// limit.
func Cut(text string, max int, c Count) (string, bool) {
	if max <= 0 || c.Len(text) <= max {
		return text, false
	}
	sentence := -1 // byte offset after the last sentence or line that fits
	n := 0
	var prev rune
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		l := runeLen(c, r)
		if n+l > max {
			break
		}
		n += l
		end := i + size
		switch {
		case r == '\n':
			sentence = i
		case isFullStop(r):
			sentence = end
		case isHalfStop(r) && sentenceEnds(text[end:]):
			sentence = end
		case isCloser(r) && (isFullStop(prev) || isHalfStop(prev)) && (sentence == i || sentenceEnds(text[end:])):
			sentence = end
		}
		prev = r
		i = end
	}
	if sentence > 0 {
		if s := strings.TrimRight(text[:sentence], " \t\r\n\u3000"); s != "" {
			return s, true
		}
	}
	room := max - c.Len(Ellipsis)
	if room < 0 {
		return "", true // not even the ellipsis fits
	}
	return cutInside(text, room, c), true
}

// cutInside cuts text inside a sentence to at most max (before the
// ellipsis) at a space, or at a character boundary for text without
// spaces, and adds the ellipsis.
func cutInside(text string, max int, c Count) string {
	last, space := 0, -1 // byte offsets of the last boundary and last space that fit
	n := 0
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if n+runeLen(c, r) > max {
			break
		}
		n += runeLen(c, r)
		if unicode.IsSpace(r) {
			space = i
		}
		i += size
		if breakable(text, i) {
			last = i
		}
	}
	cut := last
	// Prefer a space unless it lies in the first half of what fits: text
	// with few spaces (Chinese with a Latin word) is better cut late.
	if space > 0 && space*2 >= last {
		cut = space
	}
	return strings.TrimRight(text[:cut], " \t\r\n\u3000") + Ellipsis
}

// breakable reports whether text may be cut at byte offset i: not before
// a combining mark, a variation selector, a zero-width joiner or a
// skin-tone modifier, and not after a joiner, so that "é" written as e and
// U+0301, or an emoji sequence, is kept whole.
func breakable(text string, i int) bool {
	if i >= len(text) {
		return true
	}
	next, _ := utf8.DecodeRuneInString(text[i:])
	prev, _ := utf8.DecodeLastRuneInString(text[:i])
	switch {
	case prev == '\u200d', next == '\u200d':
		return false
	case unicode.In(next, unicode.Mn, unicode.Me, unicode.Variation_Selector):
		return false
	case next >= 0x1F3FB && next <= 0x1F3FF:
		return false
	}
	return true
}

// isFullStop reports a Chinese or Japanese sentence end, which ends a
// sentence wherever it stands.
func isFullStop(r rune) bool {
	return r == '。' || r == '！' || r == '？' || r == '…' || r == '．'
}

// isHalfStop reports a Latin sentence end, which ends a sentence only
// before a space, a line end, a closing quote or the end of the text (so
// "1,280.00" and "v2.1" are not cut).
func isHalfStop(r rune) bool { return r == '.' || r == '!' || r == '?' }

func isCloser(r rune) bool { return strings.ContainsRune("”’」』）)]\"'》", r) }

// sentenceEnds reports whether the text after a stop lets the sentence end
// there.
func sentenceEnds(rest string) bool {
	if rest == "" {
		return true
	}
	r, _ := utf8.DecodeRuneInString(rest)
	return unicode.IsSpace(r) || isCloser(r) || r > 0x2E7F // CJK follows directly
}
