package typeset

import (
	"fmt"
	"math"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// cells is the test measurer: East Asian wide and fullwidth runes are 2
// units, everything else (invalid bytes included) 1.
func cells(s string) float64 {
	w := 0.0
	for _, r := range s {
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth:
			w += 2
		default:
			w++
		}
	}
	return w
}

// checkBreak asserts the invariants of Break for any input: no line holds a
// "\n" or ends with a space; no line is wider than w unless it is a single
// rune; and the lines, rejoined with the dropped spaces and the "\n"s, give
// back in.
func checkBreak(t *testing.T, in string, w float64, lines []string) {
	t.Helper()
	if len(lines) == 0 {
		t.Fatalf("Break(%q, %v) = no lines, want at least one", in, w)
	}
	for i, l := range lines {
		if strings.Contains(l, "\n") {
			t.Errorf("Break(%q, %v) line %d = %q contains a newline", in, w, i, l)
		}
		if strings.HasSuffix(l, " ") {
			t.Errorf("Break(%q, %v) line %d = %q ends with a space", in, w, i, l)
		}
		if cells(l) > w && utf8.RuneCountInString(l) > 1 {
			t.Errorf("Break(%q, %v) line %d = %q is %v wide, want <= %v", in, w, i, l, cells(l), w)
		}
	}
	// Rejoin: after each line only spaces (dropped at the break) and at most
	// one "\n" may follow; the number of "\n"s consumed must be all of them.
	rest := in
	for i, l := range lines {
		if !strings.HasPrefix(rest, l) {
			t.Fatalf("Break(%q, %v): line %d = %q does not continue the input at %q (lines %q)", in, w, i, l, rest, lines)
		}
		rest = strings.TrimLeft(rest[len(l):], " ")
		if i < len(lines)-1 && strings.HasPrefix(rest, "\n") {
			rest = rest[1:]
		}
	}
	if rest != "" {
		t.Fatalf("Break(%q, %v) = %q leaves %q of the input out", in, w, lines, rest)
	}
	if got, want := len(lines), strings.Count(in, "\n")+1; got < want {
		t.Fatalf("Break(%q, %v) = %d lines, want at least %d (one per paragraph)", in, w, got, want)
	}
}

func checkKinsoku(t *testing.T, in string, w float64, lines []string) {
	t.Helper()
	for i, l := range lines {
		if l == "" {
			continue
		}
		first, _ := utf8.DecodeRuneInString(l)
		last, _ := utf8.DecodeLastRuneInString(l)
		if i > 0 && isClosing(first) && !strings.Contains(in, "\n"+string(first)) {
			t.Errorf("Break(%q, %v) line %d = %q starts with closing punctuation (lines %q)", in, w, i, l, lines)
		}
		if i < len(lines)-1 && isOpening(last) {
			t.Errorf("Break(%q, %v) line %d = %q ends with opening punctuation (lines %q)", in, w, i, l, lines)
		}
	}
}

const (
	longZH = "本人于2024年3月5日通过贵司App向本人账户充值人民币5,000.00元，交易显示“处理中”。" +
		"根据贵司公布的规则，充值应在即时至24小时内到账，但截至今日已逾七十二小时，款项仍未到账，" +
		"而银行卡已被扣款。本人曾于3月6日、3月7日两次联系在线客服（工号A1023、B2210），" +
		"客服均承诺“48小时内处理完毕”，至今没有任何答复。现正式投诉，请于收到本函之日起十五日内书面答复！"
	mixed = "请退还交易 TX20240305-8842-AF19-77C2-0031-ZZ 的 refund amount CNY 5,000.00，" +
		"see https://wallet.example.com/help/refund-policy?lang=zh-CN&section=4 for the policy（第4节）。"
	txID   = "TXN8F3A9C2E71B04D6A95E8C1F2037B4A6D9E1C" // 40 characters
	sha256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
)

func TestBreak(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		width float64
		want  []string
	}{
		{"empty", "", 10, []string{""}},
		{"only newline", "\n", 10, []string{"", ""}},
		{"empty lines kept", "a\n\n\nb\n", 10, []string{"a", "", "", "b", ""}},
		{"fits", "hello world", 11, []string{"hello world"}},
		{"latin words", "the quick brown fox jumps", 10, []string{"the quick", "brown fox", "jumps"}},
		{"spaces at a break dropped", "aaa     bbb", 5, []string{"aaa", "bbb"}},
		{"trailing spaces of a paragraph dropped", "abc   \ndef", 10, []string{"abc", "def"}},
		{"leading spaces kept", "   indented", 20, []string{"   indented"}},
		{"cjk between characters", "一二三四五六七八", 6, []string{"一二三", "四五六", "七八"}},
		{"cjk odd width", "一二三四五", 5, []string{"一二", "三四", "五"}},
		{"mixed", "中文English混合", 8, []string{"中文", "English", "混合"}},
		{"full stop pushes a character", "一二三。四", 6, []string{"一二", "三。四"}},
		{"comma pushes a character", "一二，三四", 4, []string{"一", "二，", "三四"}},
		{"quotes", "他说：“好。”走", 8, []string{"他说：", "“好。”走"}},
		{"closing quote and full stop kept with their character", "他说：“好。”", 6, []string{"他说：", "“好。”"}},
		{"opening bracket not at end", "一二（三）", 6, []string{"一二", "（三）"}},
		{"ascii after cjk", "一二三,abc", 6, []string{"一二", "三,abc"}},
		{"40-char ID hard-broken", txID, 16, []string{txID[:16], txID[16:32], txID[32:]}},
		{"SHA-256 hard-broken", sha256, 32, []string{sha256[:32], sha256[32:]}},
		{"ID after words", "ID: " + txID, 20, []string{"ID:", txID[:20], txID[20:]}},
		{"url at slashes", "https://example.com/help/refund", 14, []string{"https://", "example.com/", "help/refund"}},
		{"narrower than a character", "一二", 1, []string{"一", "二"}},
		{"zero width", "ab中", 0, []string{"a", "b", "中"}},
		{"negative width", "ab", -3, []string{"a", "b"}},
		{"NaN width", "ab", math.NaN(), []string{"a", "b"}},
		{"infinite width", longZH, math.Inf(1), []string{longZH}},
		{"combining kept together", "e\u0301e\u0301e\u0301", 2, []string{"e\u0301", "e\u0301", "e\u0301"}},
		{"combining split when wider than width", "e\u0301x", 1, []string{"e", "\u0301", "x"}},
		{"emoji ZWJ sequence kept", "ab👨\u200d👩\u200d👧cd", 8, []string{"ab", "👨\u200d👩\u200d👧", "cd"}},
		{"emoji then ZWJ sequence", "😀👨\u200d👩\u200d👧", 8, []string{"😀", "👨\u200d👩\u200d👧"}},
		{"invalid UTF-8 kept", "ab\xff\xfecd", 3, []string{"ab\xff", "\xfecd"}},
		{"tab is content", "a\tb c", 3, []string{"a\tb", "c"}},
		{"all closing punctuation", ",,,,", 2, []string{",,", ",,"}},
		{"all opening punctuation", "((((", 2, []string{"((", "(("}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Break(tt.in, tt.width, cells)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Break(%q, %v) = %q, want %q", tt.in, tt.width, got, tt.want)
			}
			checkBreak(t, tt.in, tt.width, got)
		})
	}
}

// TestBreakProperties runs realistic texts through every width from "less
// than a character" to "wider than the text".
func TestBreakProperties(t *testing.T) {
	texts := map[string]string{
		"long Chinese paragraph": longZH,
		"mixed Chinese/English":  mixed,
		"transaction ID":         "交易编号：" + txID + "，金额：5,000.00元。",
		"SHA-256":                "SHA-256: " + sha256 + " (E-12)",
		"punctuation":            "他说：“你好。”然后（走了）。【注意】《规则》第3条：「不得拖延」；‘是’？！",
		"several paragraphs":     longZH + "\n\n" + mixed + "\n" + sha256 + "\n",
		"spaces":                 "  a  b   c    d     e      f ",
		"ascii punctuation":      "退款(refund)失败[error 502]；原因:未知,请重试!",
	}
	for name, in := range texts {
		t.Run(name, func(t *testing.T) {
			for w := -1.0; w <= cells(in)+2; w += 0.5 {
				lines := Break(in, w, cells)
				checkBreak(t, in, w, lines)
				// Kinsoku can always be kept once a column holds a
				// character and the three closing marks after it ("是’？！").
				if w >= 8 {
					checkKinsoku(t, in, w, lines)
				}
				if t.Failed() {
					return
				}
			}
		})
	}
}

// TestBreakFillsLines guards against a breaker that is correct but lazy:
// with every character a break opportunity, each line but the last must be
// too full to take the next character.
func TestBreakFillsLines(t *testing.T) {
	in := strings.Repeat("一二三四五六七八九十", 20)
	for w := 2.0; w <= 40; w++ {
		lines := Break(in, w, cells)
		for i, l := range lines[:len(lines)-1] {
			next, _ := utf8.DecodeRuneInString(lines[i+1])
			if cells(l+string(next)) <= w {
				t.Fatalf("Break(…, %v) line %d = %q could have taken %q", w, i, l, next)
			}
		}
	}
}

func ExampleBreak() {
	measure := func(s string) float64 { // 2 units per Chinese character
		w := 0.0
		for _, r := range s {
			if r >= 0x2E80 {
				w += 2
			} else {
				w++
			}
		}
		return w
	}
	for _, l := range Break("客服承诺“48小时内处理完毕”，至今没有答复。Ref: TXN8F3A9C2E71B04D6A", 16, measure) {
		fmt.Printf("%q\n", l)
	}
	// Output:
	// "客服承诺“48小时"
	// "内处理完毕”，至"
	// "今没有答复。Ref:"
	// "TXN8F3A9C2E71B04"
	// "D6A"
}
