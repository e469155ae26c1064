package cli

import (
	"bytes"
	"strings"
	"testing"

	"redress/escalation"
	"redress/lang"
)

// The call length in `event show` is written as everywhere else in the
// user's language, never in Go's own format ("12m34s").
func TestEventShowCallLength(t *testing.T) {
	tests := []struct {
		lang, duration, want string
	}{
		{"en", "12m34s", "12 min 34 s"},
		{"zh", "12m34s", "12 分 34 秒"},
		{"en", "1h2m", "1 h 2 min"},
		{"zh", "35s", "35 秒"},
	}
	for _, tt := range tests {
		t.Run(tt.lang+"/"+tt.duration, func(t *testing.T) {
			for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG", "REDRESS_DATA"} {
				t.Setenv(v, "")
			}
			t.Setenv("REDRESS_LANG", tt.lang)
			dir := t.TempDir()
			c := mustRun(t, dir, "case", "new", "--title", "T", "--provider", "OKPay", "--problem", "other", "--jurisdiction", "UK")
			id := mustRun(t, dir, "event", "add", c, "--kind", "contact", "--channel", "phone", "--duration", tt.duration,
				"--at", "2026-11-20T10:00:00Z", "--summary", "call")
			out := mustRun(t, dir, "event", "show", id)
			if !strings.Contains(out, tt.want) || strings.Contains(out, tt.duration) {
				t.Errorf("event show (--duration %s) = %q, want the length as %q", tt.duration, out, tt.want)
			}
		})
	}
}

// An assessment with no next step prints no next-step line, never the
// key "esc.step.".
func TestNextWithoutStepShowsNoKey(t *testing.T) {
	for _, l := range lang.All {
		var out bytes.Buffer
		r := &runner{out: &out, l: l}
		r.printNext(nextReport{CaseID: "0123456789", Title: "T", Position: escalation.NotStarted})
		if strings.Contains(out.String(), "esc.") {
			t.Errorf("%s: next with no step printed a key:\n%s", l, out.String())
		}
	}
}
