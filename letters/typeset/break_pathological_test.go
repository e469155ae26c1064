package typeset

import (
	"strings"
	"testing"
	"time"
)

// TestBreakPathologicalInputs guards against quadratic behaviour: each of
// these once took seconds, or would with a naive breaker.
func TestBreakPathologicalInputs(t *testing.T) {
	inputs := map[string]string{
		"long token then CJK": strings.Repeat("a", 200000) + " " + strings.Repeat("中文", 50000),
		"spaces":              strings.Repeat(" ", 100000),
		"a-spaces":            "a" + strings.Repeat(" ", 100000) + "b",
		"closers":             strings.Repeat("，", 100000),
		"openers":             strings.Repeat("（", 100000),
		"alt":                 strings.Repeat("， ", 50000),
		"combining":           strings.Repeat("e\u0301\u0301\u0301", 25000),
		"zwj":                 strings.Repeat("👨\u200d", 25000),
		"cjk":                 strings.Repeat("中", 100000),
		"words":               strings.Repeat("ab ", 33000),
		"quotes":              strings.Repeat("中“", 50000),
		"spaceparas":          strings.Repeat("   \n", 25000),
		"sp-close":            strings.Repeat("a ,", 33000),
	}
	for name, in := range inputs {
		for _, w := range []float64{0, 1, 2.5, 40, 1e9} {
			start := time.Now()
			lines := Break(in, w, cells)
			if d := time.Since(start); d > time.Second {
				t.Errorf("%s width %v: %v (%d lines)", name, w, d, len(lines))
			}
			checkBreak(t, in, w, lines)
		}
	}
}
