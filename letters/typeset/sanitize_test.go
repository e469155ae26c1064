package typeset

import (
	"fmt"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// font draws the BMP except the runes listed, like a CJK font without
// emoji or combining diacritics.
func font(missing ...rune) func(rune) bool {
	return func(r rune) bool {
		for _, m := range missing {
			if r == m {
				return false
			}
		}
		return r <= 0xFFFF
	}
}

func TestSanitize(t *testing.T) {
	all := font()
	noSquare := font('□')
	noCombining := font('\u0301', '\u0308', '\uFE0F', '\u200D', '\u20E3', '\uFFFD', '\uFEFF', '\u200B')
	tests := []struct {
		name string
		in   string
		has  func(rune) bool
		want string
	}{
		{"empty", "", all, ""},
		{"plain", "退款 refund 5,000.00元", all, "退款 refund 5,000.00元"},
		{"newline and tab kept", "a\n\tb", all, "a\n\tb"},
		{"CRLF and CR become LF", "a\r\nb\rc\u2028d\u2029e\u0085f", all, "a\nb\nc\nd\ne\nf"},
		{"controls", "a\x00b\x1bc\x7fd\u009be", all, "a□b□c□d□e"},
		{"emoji", "好评😀！", all, "好评□！"},
		{"emoji without square", "好评😀！", noSquare, "好评?！"},
		{"ZWJ family is one substitute", "x👨\u200d👩\u200d👧\u200d👦y", all, "x□y"},
		{"emoji then ZWJ sequence", "😀👨\u200d👩\u200d👧😀\u200d", all, "□□□"},
		{"flag is one substitute", "🇨🇳中国", all, "□中国"},
		{"skin tone is one substitute", "👍🏽ok", all, "□ok"},
		{"keycap with missing marks", "1\uFE0F\u20E3号", noCombining, "□号"},
		{"heart with variation selector", "\u2764\uFE0F", noCombining, "\u2764"},
		{"byte order mark and zero-width space removed", "\uFEFFTX\u200B123", noCombining, "TX123"},
		{"zero-width joiner between CJK removed", "中\u200D文", noCombining, "中文"},
		{"direction marks removed", "\u200Eabc\u200F", font('\u200E', '\u200F'), "abc"},
		{"format characters the font draws are kept", "a\u00ADb\u200Bc", all, "a\u00ADb\u200Bc"},
		{"prepended concatenation mark is visible", "\u0600١", font('\u0600'), "□"},
		{"heart alone kept", "\u2764", noCombining, "\u2764"},
		{"Extension B", "𠀀𪚥姓", all, "□□姓"},
		{"decomposed accent recomposed", "cafe\u0301", noCombining, "café"},
		{"combining sequence without precomposed form", "q\u0301", noCombining, "□"},
		{"combining sequence the font draws is kept", "q\u0301", all, "q\u0301"},
		{"missing BMP rune", "a\u0E01b", font('\u0E01'), "a□b"},
		{"invalid UTF-8", "a\xffb", noCombining, "a□b"},
		{"invalid UTF-8 drawn as U+FFFD", "a\xffb", all, "a\uFFFDb"},
		{"nil has keeps the BMP", "中😀", nil, "中□"},
		{"private use outside BMP", "\U000F0000", all, "□"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Sanitize(tt.in, tt.has); got != tt.want {
				t.Errorf("Sanitize(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// checkSanitized asserts what gofpdf needs: valid UTF-8, BMP only, no
// control characters but "\n" and "\t", every rune drawable.
func checkSanitized(t *testing.T, in, out string, has func(rune) bool) {
	t.Helper()
	if !utf8.ValidString(out) {
		t.Fatalf("Sanitize(%q) = %q, not valid UTF-8", in, out)
	}
	for _, r := range out {
		if r > 0xFFFF || unicode.IsControl(r) && r != '\n' && r != '\t' || !has(r) && r != '?' {
			t.Fatalf("Sanitize(%q) = %q keeps %U", in, out, r)
		}
	}
	// Nothing silently dropped: every line survives.
	if strings.Count(out, "\n") < strings.Count(in, "\n") {
		t.Fatalf("Sanitize(%q) = %q loses a line break", in, out)
	}
}

func FuzzSanitize(f *testing.F) {
	for _, s := range []string{"", "中文", "a\r\nb", "😀👨\u200d👩\u200d👧", "e\u0301", "\xff\xfe", "𠀀", "\x00\x1b"} {
		f.Add(s)
	}
	has := font('\u0301', '\u200D', '\uFE0F', '\u0E01')
	f.Fuzz(func(t *testing.T, s string) {
		checkSanitized(t, s, Sanitize(s, has), has)
		checkSanitized(t, s, Sanitize(s, font('□')), font('□'))
	})
}

func ExampleSanitize() {
	has := func(r rune) bool { return r <= 0xFFFF } // a font that has the whole BMP
	fmt.Println(Sanitize("好评😀👨‍👩‍👧 𠀀\x07!", has))
	// Output: 好评□□ □□!
}
