package dossier

import (
	"fmt"
	"math"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/text/unicode/runenames"

	"redress/fonts"
	"redress/lang"
)

var glyphBits struct {
	once sync.Once
	bits []uint64 // one bit per BMP rune drawable in both Regular and Bold
	err  error
}

// glyphs reports whether both embedded fonts have a glyph for a rune.
// Built once from the fonts' cmap tables.
func glyphs() (func(rune) bool, error) {
	glyphBits.once.Do(func() {
		bits := make([]uint64, 0x10000/64)
		for i := range bits {
			bits[i] = math.MaxUint64
		}
		for _, face := range []struct {
			name string
			data []byte
		}{{fonts.RegularName, fonts.Regular}, {fonts.BoldName, fonts.Bold}} {
			f, err := sfnt.Parse(face.data)
			if err != nil {
				glyphBits.err = fmt.Errorf("parse font %s: %w", face.name, err)
				return
			}
			var buf sfnt.Buffer
			for r := rune(0); r < 0x10000; r++ {
				if bits[r/64]&(1<<(r%64)) == 0 {
					continue
				}
				if g, err := f.GlyphIndex(&buf, r); err != nil || g == 0 {
					bits[r/64] &^= 1 << (r % 64)
				}
			}
		}
		glyphBits.bits = bits
	})
	if glyphBits.err != nil {
		return nil, glyphBits.err
	}
	bits := glyphBits.bits
	return func(r rune) bool {
		return r >= 0 && r < 0x10000 && bits[r/64]&(1<<(r%64)) != 0
	}, nil
}

// substitute names a character the fonts cannot draw, so that a reader
// knows what was there: an emoji or symbol by its Unicode name in English
// ("[thumbs up sign]"), by its code point in Chinese ("[表情 U+1F44D]", as
// no Chinese names ship with Go); anything else by its code point
// ("[U+20000]"). A sequence (a flag, a family) is named by its first
// character.
func (r *renderer) substitute(g []rune) string {
	if len(g) == 0 {
		return ""
	}
	c := g[0]
	code := fmt.Sprintf("U+%04X", c)
	if !unicode.Is(unicode.So, c) && !unicode.Is(unicode.Sk, c) && !unicode.Is(unicode.Regional_Indicator, c) {
		return "[" + code + "]"
	}
	name := strings.ToLower(runenames.Name(c))
	if name == "" || r.l != lang.EN {
		name = r.tr("dossier.emoji-unnamed", "code", code)
	}
	return r.tr("dossier.emoji", "name", name)
}
