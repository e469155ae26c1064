package testtool

import (
	"os/exec"
	"testing"
)

// fakeTB records how Need ended a test.
type fakeTB struct {
	testing.TB
	skipped, failed bool
}

func (f *fakeTB) Helper()               {}
func (f *fakeTB) Skipf(string, ...any)  { f.skipped = true }
func (f *fakeTB) Fatalf(string, ...any) { f.failed = true }

func TestNeed(t *testing.T) {
	tests := []struct {
		name       string
		require    string
		program    string
		skip, fail bool
	}{
		{"present program runs", "1", "go", false, false},
		{"missing program skips locally", "", "redress-no-such-program", true, false},
		{"missing program fails in CI", "1", "redress-no-such-program", false, true},
	}
	if _, err := exec.LookPath("go"); err != nil {
		t.Fatalf("the go command is not on the PATH: %v", err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("REDRESS_REQUIRE_TOOLS", tt.require)
			f := &fakeTB{TB: t}
			Need(f, "some-package", tt.program)
			if f.skipped != tt.skip || f.failed != tt.fail {
				t.Errorf("Need(%q) with REDRESS_REQUIRE_TOOLS=%q: skipped=%v failed=%v, want skipped=%v failed=%v",
					tt.program, tt.require, f.skipped, f.failed, tt.skip, tt.fail)
			}
		})
	}
}
