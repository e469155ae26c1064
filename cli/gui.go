package cli

import (
	"io"
	"os"
	"runtime"

	"redress/app"
	"redress/lang"
)

// GUI is what the desktop app is asked to open: the data folder (already
// chosen from --data, REDRESS_DATA or the default) and, optionally, a case
// and a view of it.
type GUI struct {
	Dir  string
	Case string
	Show string
}

// Starter runs the desktop app until its window closes and returns the
// exit code. Package main provides it; the command line never imports Fyne.
type Starter func(GUI) int

// Main runs one command line (without the program name) and returns the
// exit code. With no command, or with `gui`, it starts the desktop app
// through start after checking that a window can be shown; a nil start
// means this build has no desktop app, and no command prints the help.
func Main(args []string, stdout, stderr io.Writer, start Starter) int {
	r := newRunner(stdout, stderr)
	r.start = start
	return r.run(args)
}

// hasDisplay reports whether a window can be opened: Linux and the BSDs
// need an X11 or Wayland session; Windows and macOS always have a desktop.
var hasDisplay = func() bool {
	switch runtime.GOOS {
	case "windows", "darwin", "ios", "android", "js":
		return true
	}
	return os.Getenv("DISPLAY") != "" || os.Getenv("WAYLAND_DISPLAY") != ""
}

// gui parses `gui [--case CASE] [--show VIEW]` and starts the desktop app.
func (r *runner) gui(args []string) error {
	f := newFlags("gui")
	caseRef, show := f.str("case"), f.str("show")
	if _, err := f.parse(args, 0); err != nil {
		return err
	}
	if r.start == nil {
		return usage("cli.unknown-command", "command", "gui")
	}
	if !hasDisplay() {
		return lang.E("gui.no-display")
	}
	dir, err := app.DataDir(r.data)
	if err != nil {
		return err
	}
	r.code = r.start(GUI{Dir: dir, Case: *caseRef, Show: *show})
	return nil
}
