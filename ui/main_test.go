package ui

import (
	"os"
	"os/exec"
	"strings"
	"testing"

	"redress/internal/localeenv" // initialised before Fyne reads the locale: see its doc
)

// TestMain runs the tests as the desktop app runs: the locale fixed up
// before Fyne's init read it (under LANG=C.UTF-8 Fyne otherwise logs
// "Error parsing user locale C"), and widget callbacks on one goroutine
// (see bridge).
func TestMain(m *testing.M) {
	localeenv.Restore()
	callbacksOnWait = true
	code := m.Run()
	if openCopies.dir != "" {
		os.RemoveAll(openCopies.dir) // the copies "Open with…" handed out
	}
	os.Exit(code)
}

// TestLogsCleanUnderCLocale starts this test binary again under
// LANG=C.UTF-8 (containers, CI) and reads what it logs while Fyne starts.
func TestLogsCleanUnderCLocale(t *testing.T) {
	if os.Getenv("REDRESS_LOCALE_CHILD") != "" {
		return // the child: starting up was the test
	}
	var env []string
	for _, kv := range os.Environ() {
		switch k, _, _ := strings.Cut(kv, "="); k {
		case "LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE":
		default:
			env = append(env, kv)
		}
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestLogsCleanUnderCLocale$", "-test.count=1", "-test.v")
	cmd.Env = append(env, "LANG=C.UTF-8", "REDRESS_LOCALE_CHILD=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("the test binary under LANG=C.UTF-8: %v\n%s", err, out)
	}
	if strings.Contains(string(out), "Error parsing user locale") || !strings.Contains(string(out), "PASS") {
		t.Errorf("under LANG=C.UTF-8 the ui tests log:\n%s", out)
	}
}
