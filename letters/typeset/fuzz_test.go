package typeset

import "testing"

// FuzzBreak checks the invariants of Break (see checkBreak) for any text and
// any width from 0 to 63.75 units in quarter steps.
func FuzzBreak(f *testing.F) {
	for _, s := range []string{
		"", "\n", " ", "   a", "a   ", "a \n b", longZH, mixed, txID, sha256,
		"他说：“你好。”然后（走了）。", "((((", ",,,,", "e\u0301e\u0301", "👨\u200d👩\u200d👧",
		"ab\xff\xfecd", "\r\n\t", "https://example.com/a/b?c=d",
	} {
		f.Add(s, uint8(0))
		f.Add(s, uint8(5))
		f.Add(s, uint8(40))
	}
	f.Fuzz(func(t *testing.T, s string, w uint8) {
		width := float64(w) / 4
		checkBreak(t, s, width, Break(s, width, cells))
	})
}
