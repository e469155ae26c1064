package typeset

import (
	"strings"
	"testing"
)

// TestBreakPathologicalInputs guards against quadratic behaviour: each of
// these once took seconds, or would with a naive breaker. It counts the
// text the breaker measures (bytes handed to the Measurer) rather than
// timing it, so a busy machine cannot fail it and a quadratic breaker
// always does: linear work measures each byte a small number of times.
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
			measured := 0
			count := func(s string) float64 {
				measured += len(s)
				return cells(s)
			}
			lines := Break(in, w, count)
			if limit := 16 * len(in); measured > limit {
				t.Errorf("Break(%s, width %v) measured %d bytes of a %d-byte text (%d lines), want at most %d: the work is not linear",
					name, w, measured, len(in), len(lines), limit)
			}
			checkBreak(t, in, w, lines)
		}
	}
}
