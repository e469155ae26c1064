package ui

import (
	"os"
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
	os.Exit(m.Run())
}
