package evidence

import (
	"testing"
	"time"
)

func TestCheckText(t *testing.T) {
	tests := []struct {
		name      string
		in        string
		multiline bool
		want      Reason // "" when accepted
	}{
		{"plain Chinese", "客服承诺 24 小时内到账", false, ""},
		{"line breaks in a multi-line field", "第一行\n第二行\r\n\t缩进", true, ""},
		{"line break in a single-line field", "a\nb", false, ReasonControlChar},
		{"terminal title escape", "\x1b]0;pwned\a", true, ReasonControlChar},
		{"clear screen", "hi\x1b[2J", true, ReasonControlChar},
		{"NUL", "a\x00b", true, ReasonControlChar},
		{"C1 CSI", "a\u009bb", true, ReasonControlChar},
		{"RTL override in a single-line field", "\u202eanilil", false, ReasonControlChar},
		{"RTL override in a multi-line field", "\u202eanilil", true, ""},
		{"invalid UTF-8", "bad \xff", true, ReasonInvalidText},
		{"joiner in an emoji", "👩\u200d💻", false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckText("summary", tt.in, tt.multiline)
			got := Reason("")
			if fs := Fields(err); len(fs) == 1 {
				got = fs[0].Reason
			}
			if got != tt.want {
				t.Errorf("CheckText(%q, %v) = %v, want reason %q", tt.in, tt.multiline, err, tt.want)
			}
		})
	}
}

func TestPrintable(t *testing.T) {
	tests := []struct{ in, want string }{
		{"客服 李娜", "客服 李娜"},
		{"\x1b]0;x\a", `\x1b]0;x\x07`},
		{"a\u202eb", `a\u202eb`},
		{"a\xffb", `a\xffb`},
		{"a\x00b", `a\x00b`},
		{"a\u009bb", `a\x9bb`},
		{"👩\u200d💻", "👩\u200d💻"},
	}
	for _, tt := range tests {
		if got := Printable(tt.in); got != tt.want {
			t.Errorf("Printable(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCheckDate(t *testing.T) {
	now := time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		at   time.Time
		ok   bool
		name string
	}{
		{time.Date(1969, 12, 31, 23, 59, 0, 0, time.UTC), false, "before 1970"},
		{time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC), true, "1970"},
		{time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC), false, "1900"},
		{now.AddDate(1, 0, 0), true, "a year ahead"},
		{now.AddDate(1, 0, 1), false, "more than a year ahead"},
		{time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC), false, "9999"},
	}
	for _, tt := range tests {
		if err := CheckDate("at", tt.at, now, ""); (err == nil) != tt.ok {
			t.Errorf("CheckDate(%s: %v) = %v, want ok %v", tt.name, tt.at, err, tt.ok)
		}
	}
}
