package forms

import (
	"strings"
	"testing"
)

func TestCountLen(t *testing.T) {
	tests := []struct {
		name string
		in   string
		c    Count
		want int
	}{
		{"characters", "a中😀é", Characters, 4},
		{"utf16: emoji is a surrogate pair", "a中😀é", UTF16, 5},
		{"bytes", "a中😀é", Bytes, 10},
		{"double width: Chinese and emoji two, Latin-1 one", "a中😀é", DoubleWidth, 6},
		{"full-width punctuation counts double", "，。", DoubleWidth, 4},
		{"empty", "", DoubleWidth, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.c.Len(tt.in); got != tt.want {
				t.Errorf("Count(%d).Len(%q) = %d, want %d", tt.c, tt.in, got, tt.want)
			}
		})
	}
}

func TestCut(t *testing.T) {
	const zh = "我在11月20日充值1280元。客服说24小时内到账。至今未到账。"
	tests := []struct {
		name    string
		in      string
		max     int
		c       Count
		want    string
		wantCut bool
	}{
		{"fits", "短文本。", 10, Characters, "短文本。", false},
		{"no limit", zh, 0, Characters, zh, false},
		{"exactly at the limit", "One. Two.", 9, Characters, "One. Two.", false},
		{"Chinese, two sentences fit in 28 characters", zh, 28, Characters,
			"我在11月20日充值1280元。客服说24小时内到账。", true},
		{"Chinese counted double: only the first sentence fits in 30", zh, 30, DoubleWidth,
			"我在11月20日充值1280元。", true},
		{"Chinese counted as UTF-8 bytes", zh, 40, Bytes, "我在11月20日充值1280元。", true},
		{"a decimal point is not a sentence end",
			"The top-up of 1,280.00 CNY failed. Support promised a refund. Nothing came.", 40, Characters,
			"The top-up of 1,280.00 CNY failed.", true},
		{"line end", "Line one without stop\nLine two is here", 25, Characters, "Line one without stop", true},
		{"closing quote stays with its sentence", "他说：“明天到账。”然后没有消息。", 12, Characters,
			"他说：“明天到账。”", true},
		{"trailing space is not kept", "One. Two.", 6, Characters, "One.", true},
		{"first sentence too long: cut at a space",
			"Supercalifragilistic expialidocious words go here", 25, Characters, "Supercalifragilistic…", true},
		{"Chinese without stops: cut at a character", "这是一段没有标点的很长的中文文本内容", 10, Characters,
			"这是一段没有标点的…", true},
		{"bytes: never inside a character", "中文。English.", 8, Bytes, "中…", true},
		{"UTF-16: never inside a surrogate pair", "😀😀😀😀", 5, UTF16, "😀😀…", true},
		{"never before a combining accent", "e\u0301e\u0301e\u0301e\u0301", 4, Characters, "e\u0301…", true},
		{"room for the ellipsis only", "长文本内容", 2, DoubleWidth, "…", true},
		{"not even the ellipsis fits", "长文本内容", 1, DoubleWidth, "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, cut := Cut(tt.in, tt.max, tt.c)
			if got != tt.want || cut != tt.wantCut {
				t.Errorf("Cut(%q, %d, %d) = %q, %v, want %q, %v", tt.in, tt.max, tt.c, got, cut, tt.want, tt.wantCut)
			}
			if tt.max > 0 && tt.c.Len(got) > tt.max {
				t.Errorf("Cut(%q, %d, %d) = %q: length %d is over the limit", tt.in, tt.max, tt.c, got, tt.c.Len(got))
			}
		})
	}
}

// FuzzCut checks that a cut text is a prefix of the input (plus the
// ellipsis), valid UTF-8 when the input is, and within the limit.
func FuzzCut(f *testing.F) {
	f.Add("我在11月20日充值1280元。客服说24小时内到账。", 12, 3)
	f.Add("One. Two. Three.", 7, 0)
	f.Add("😀 e\u0301 \u200d x", 3, 1)
	f.Fuzz(func(t *testing.T, s string, max, c int) {
		if max < 0 || max > 1000 || c < 0 || c > 3 {
			return
		}
		cnt := Count(c)
		got, cut := Cut(s, max, cnt)
		if !cut {
			if got != s {
				t.Fatalf("Cut(%q) changed the text without cutting: %q", s, got)
			}
			return
		}
		body := strings.TrimSuffix(got, Ellipsis)
		if !strings.HasPrefix(s, body) {
			t.Fatalf("Cut(%q, %d, %d) = %q: not a prefix", s, max, c, got)
		}
		if max > 0 && cnt.Len(got) > max {
			t.Fatalf("Cut(%q, %d, %d) = %q: length %d over %d", s, max, c, got, cnt.Len(got), max)
		}
	})
}
