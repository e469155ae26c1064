// Package typeset breaks mixed Chinese/Latin text into lines and makes text
// safe for a PDF font, so the dossier renderer never has to hand text to
// gofpdf's MultiCell/SplitText (which drop a character at every automatic
// break in CJK text).
//
// Break never loses a character: the only thing it removes is the run of
// ASCII spaces at each automatic break (and at the end of each paragraph).
// Sanitize turns everything the font cannot draw into a visible substitute.
package typeset

import (
	"math"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/go-text/typesetting/segmenter"
	"golang.org/x/text/width"
)

// Measurer returns the width of s in the current font and size (in any unit
// consistent with width).
type Measurer func(s string) float64

// Break splits text into lines that fit width.
//
//   - "\n" forces a break and empty lines are preserved, as with
//     strings.Split: Break("") is [""], Break("a\n") is ["a", ""]. Any other
//     control character is left to Sanitize, which should run first.
//   - Lines break at UAX #14 line-break opportunities (between CJK
//     characters, at spaces between Latin words, after "/" in URLs, …).
//   - A token wider than width (a transaction ID, a URL, a SHA-256) is
//     hard-broken between grapheme clusters so that no line is wider than
//     width; a single cluster wider than width is split into runes, and a
//     single rune wider than width gets a line of its own.
//   - Kinsoku: a line never starts with closing punctuation (，。、；：！？）」』】》〉”’
//     and ASCII ,.;:!?)]}) and never ends with opening punctuation
//     (（「『【《〈“‘ and ([{); the break moves back a character instead.
//     Only when no such break exists within width (a column too narrow for
//     a character and the closing marks after it) does the width win.
//   - The ASCII spaces at a break are dropped; nothing else is dropped or
//     reordered: the lines, rejoined with the dropped spaces and the "\n"s,
//     give back text byte for byte (invalid UTF-8 included).
//
// A width that is zero, negative or NaN gives every character that has a
// width a line of its own; Break always terminates.
func Break(text string, width float64, measure Measurer) []string {
	if math.IsNaN(width) {
		width = 0
	}
	b := breaker{width: width, measure: measure}
	var lines []string
	for {
		i := strings.IndexByte(text, '\n')
		if i < 0 {
			return b.paragraph(lines, text)
		}
		lines = b.paragraph(lines, text[:i])
		text = text[i+1:]
	}
}

type breaker struct {
	width   float64
	measure Measurer
	seg     segmenter.Segmenter

	runes []rune
	off   []int // byte offset of each rune in the paragraph, plus len(paragraph)
	cands []int // allowed break positions (rune indices) in (0, n], ascending, n included
	graph []int // grapheme boundaries (rune indices) in (0, n], ascending, n included
}

// paragraph appends the lines of one paragraph (text without "\n").
func (b *breaker) paragraph(lines []string, p string) []string {
	if p == "" {
		return append(lines, "")
	}
	b.runes, b.off = b.runes[:0], b.off[:0]
	for i := 0; i < len(p); {
		r, size := utf8.DecodeRuneInString(p[i:])
		b.runes = append(b.runes, r)
		b.off = append(b.off, i)
		i += size
	}
	n := len(b.runes)
	b.off = append(b.off, len(p))

	// The whole paragraph fits: the common case for table cells and short
	// lines, no segmentation needed.
	if b.fits(p, 0, n) {
		return append(lines, trimSpaces(p))
	}

	b.seg.Init(b.runes)
	b.cands = b.cands[:0]
	it := b.seg.LineIterator()
	for it.Next() {
		l := it.Line()
		for i := l.Offset + 1; i < l.Offset+len(l.Text); i++ {
			if b.quoteBreak(i) && b.kinsokuOK(i) {
				b.cands = append(b.cands, i)
			}
		}
		end := l.Offset + len(l.Text)
		if end < n && !b.kinsokuOK(end) {
			continue
		}
		b.cands = append(b.cands, end)
	}
	if len(b.cands) == 0 || b.cands[len(b.cands)-1] != n {
		b.cands = append(b.cands, n)
	}
	b.graph = graphemeEnds(&b.seg, b.runes, b.graph[:0])

	for s := 0; s < n; {
		e := b.next(p, s)
		lines = append(lines, trimSpaces(p[b.off[s]:b.off[e]]))
		s = e
		for s < n && b.runes[s] == ' ' {
			s++ // the spaces at a break are dropped
		}
	}
	return lines
}

// next returns the end (exclusive, rune index) of the line starting at s;
// always > s.
func (b *breaker) next(p string, s int) int {
	n := len(b.runes)
	fc := s // first non-space rune: a line must hold more than spaces
	for fc < n && b.runes[fc] == ' ' {
		fc++
	}

	// How far does the line reach? The longest run of grapheme clusters
	// that fits, found with a galloping search so that the work is
	// proportional to the line, not to the rest of the paragraph.
	g := b.graph[sort.SearchInts(b.graph, s+1):]
	if first := g[0]; first > s+1 && !b.fitsGalloping(p, s, first) {
		// The first cluster (a combining sequence, a ZWJ emoji sequence, or
		// what is left of one) is wider than the line on its own: break it
		// between runes.
		k := b.fitting(p, s, first-s-1, func(i int) int { return s + 1 + i })
		return s + max(k, 1)
	}
	k := b.fitting(p, s, len(g), func(i int) int { return g[i] })
	lim := s
	if k > 0 {
		lim = g[k-1]
	}
	for lim < n && b.runes[lim] == ' ' {
		lim++ // spaces at a break cost nothing
	}

	// The last break opportunity within reach wins; make sure its line
	// really fits (a measurer with kerning need not be monotonic).
	for ci := sort.SearchInts(b.cands, lim+1) - 1; ci >= 0 && b.cands[ci] > fc; ci-- {
		if b.fits(p, s, b.cands[ci]) {
			return b.cands[ci]
		}
	}

	// No opportunity within reach: hard-break the first word between
	// grapheme clusters, moving the break back for kinsoku.
	for j := k - 1; j >= 0 && g[j] > fc; j-- {
		if b.kinsokuOK(g[j]) {
			return g[j]
		}
	}
	if k > 0 {
		return g[k-1] // punctuation only, or nothing but leading spaces
	}
	// Not even one grapheme cluster fits: it gets a line of its own (it is
	// a single rune, or it would have been split above).
	return g[0]
}

// fitting returns how many of the count ascending positions pos(0),
// pos(1), … end a line starting at s that fits, assuming the lines that fit
// are a prefix of them. It gallops, so the work is proportional to the
// answer, not to count.
func (b *breaker) fitting(p string, s, count int, pos func(int) int) int {
	lo, j := 0, 0
	for j < count && b.fits(p, s, pos(j)) {
		lo = j + 1
		j = 2*j + 1
	}
	hi := min(j, count)
	return lo + sort.Search(hi-lo, func(i int) bool { return !b.fits(p, s, pos(lo+i)) })
}

// fitsGalloping reports whether runes [s, e) fit, measuring prefixes of
// doubling length first so that a long run that does not fit costs about
// as much as a line, not as much as the run.
func (b *breaker) fitsGalloping(p string, s, e int) bool {
	for n := 1; s+n < e; n *= 2 {
		if !b.fits(p, s, s+n) {
			return false
		}
	}
	return b.fits(p, s, e)
}

// fits reports whether runes [s, e) without trailing spaces fit the width.
func (b *breaker) fits(p string, s, e int) bool {
	for e > s && b.runes[e-1] == ' ' {
		e--
	}
	if e == s {
		return true
	}
	return b.measure(p[b.off[s]:b.off[e]]) <= b.width
}

// kinsokuOK reports whether a break before rune i keeps closing punctuation
// off the start of the next line and opening punctuation off the end of this
// one (spaces at the break are dropped, so they are looked through).
func (b *breaker) kinsokuOK(i int) bool {
	j := i
	for j < len(b.runes) && b.runes[j] == ' ' {
		j++
	}
	if j < len(b.runes) && isClosing(b.runes[j]) {
		return false
	}
	for j = i - 1; j >= 0; j-- {
		if b.runes[j] != ' ' {
			return !isOpening(b.runes[j])
		}
	}
	return true
}

// quoteBreak reports a break opportunity before rune i that UAX #14 (as
// implemented before Unicode 15.1's LB19a) misses in Chinese text: before an
// opening curly quote that follows a wide character, and after a closing one
// that precedes a wide character ("他说：|“好。”|然后").
func (b *breaker) quoteBreak(i int) bool {
	switch b.runes[i] {
	case '“', '‘':
		return isWide(b.runes[i-1])
	}
	switch b.runes[i-1] {
	case '”', '’':
		return isWide(b.runes[i])
	}
	return false
}

func isWide(r rune) bool {
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return true
	}
	return false
}

func trimSpaces(s string) string { return strings.TrimRight(s, " ") }

// isClosing reports punctuation that must not start a line.
func isClosing(r rune) bool {
	switch r {
	case '，', '。', '、', '；', '：', '！', '？', '．', '…', '‥',
		'）', '」', '』', '】', '》', '〉', '〕', '］', '｝', '〗', '〙', '〛', '｣',
		'”', '’', '％', '‰', '℃',
		',', '.', ';', ':', '!', '?', ')', ']', '}':
		return true
	}
	return false
}

// isOpening reports punctuation that must not end a line.
func isOpening(r rune) bool {
	switch r {
	case '（', '「', '『', '【', '《', '〈', '〔', '［', '｛', '〖', '〘', '〚', '｢',
		'“', '‘', '(', '[', '{':
		return true
	}
	return false
}
