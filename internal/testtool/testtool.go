// Package testtool lets tests that read real output back with external
// programs (poppler's pdftotext, qpdf, mutool, xdotool, wine…) say what
// they need. On a developer's machine a missing program skips the test with
// the package to install; where REDRESS_REQUIRE_TOOLS=1 (CI sets it in
// .ci/run) a missing program fails the test, so a check can never quietly
// stop running.
package testtool

import (
	"os"
	"os/exec"
	"testing"
)

// Required reports whether missing tools must fail tests instead of
// skipping them.
func Required() bool { return os.Getenv("REDRESS_REQUIRE_TOOLS") == "1" }

// Need skips t (or fails it, when tools are required) unless every named
// program is on the PATH. pkg names the Debian package that provides them.
func Need(t testing.TB, pkg string, programs ...string) {
	t.Helper()
	for _, name := range programs {
		if _, err := exec.LookPath(name); err != nil {
			if Required() {
				t.Fatalf("%s is not installed but REDRESS_REQUIRE_TOOLS=1: install %s (scripts/deps.sh does)", name, pkg)
				return
			}
			t.Skipf("%s is not installed; install %s (scripts/deps.sh does) to run this test", name, pkg)
		}
	}
}
