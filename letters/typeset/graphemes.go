package typeset

import (
	"unicode"

	"github.com/go-text/typesetting/segmenter"
	"github.com/go-text/typesetting/unicodedata"
)

// graphemeEnds appends to ends the end (exclusive rune index) of every
// extended grapheme cluster (UAX #29) of the text seg was initialised with,
// which is runes; the last is len(runes).
//
// It repairs a bug of the go-text v0.2.1 segmenter: rule GB11 (emoji ZWJ
// sequences) is not restarted by an emoji that directly follows another, so
// "😀👨‍👩‍👧" comes out as "😀", "👨‍", "👩‍👧". A cluster that starts with an
// Extended_Pictographic rune and ends with ZWJ is joined to a following
// cluster that starts with one.
func graphemeEnds(seg *segmenter.Segmenter, runes []rune, ends []int) []int {
	start := len(ends)
	it := seg.GraphemeIterator()
	for it.Next() {
		g := it.Grapheme()
		end := g.Offset + len(g.Text)
		if k := len(ends); k > start {
			prevStart := 0
			if k-1 > start {
				prevStart = ends[k-2]
			}
			prev := ends[k-1]
			if prev > prevStart && runes[prev-1] == '\u200D' && isPicto(runes[prevStart]) && isPicto(runes[prev]) {
				ends[k-1] = end
				continue
			}
		}
		ends = append(ends, end)
	}
	if k := len(ends); k == start || ends[k-1] != len(runes) {
		ends = append(ends, len(runes))
	}
	return ends
}

func isPicto(r rune) bool { return unicode.Is(unicodedata.Extended_Pictographic, r) }
