package fonts

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/image/font/sfnt"
)

func TestFontsAreTrueTypeWithChineseAndLatin(t *testing.T) {
	for name, data := range map[string][]byte{RegularName: Regular, BoldName: Bold} {
		t.Run(name, func(t *testing.T) {
			// gofpdf reads only TrueType outlines: version 0x00010000, a glyf table.
			if !bytes.HasPrefix(data, []byte{0, 1, 0, 0}) {
				t.Fatalf("%s is not a TrueType-outline font (starts %x)", name, data[:4])
			}
			f, err := sfnt.Parse(data)
			if err != nil {
				t.Fatalf("parse %s: %v", name, err)
			}
			var buf sfnt.Buffer
			for _, r := range "维权档案充值未到账提现延迟，。、；：（）「」ABCxyz0123456789¥€£" {
				if gi, err := f.GlyphIndex(&buf, r); err != nil || gi == 0 {
					t.Errorf("%s has no glyph for %q", name, r)
				}
			}
		})
	}
	if !strings.Contains(License, "SIL Open Font License") {
		t.Error("the licence text is missing")
	}
}
