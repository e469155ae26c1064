// Package opener opens a file with the program the user's system uses for
// it, and shows a file in its folder, each system in its own way:
//
//	         Open                              Reveal
//	macOS    open FILE                         open -R FILE (Finder, file selected)
//	Windows  ShellExecute "open" on FILE       explorer /select,"FILE"
//	others   xdg-open FILE                     xdg-open FOLDER
//
// A failure is a *lang.Error the user can act on: the file is missing,
// no program is set up for this kind of file, or the program refused.
package opener

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"time"

	"redress/lang"
)

// Open opens path with its default application.
func Open(path string) error { return system.open(path) }

// Reveal shows the folder that holds path, with the file selected where
// the system can do that.
func Reveal(path string) error { return system.reveal(path) }

// opener runs the commands of one system. Tests replace its fields.
type opener struct {
	goos  string
	look  func(name string) (string, error) // exec.LookPath
	start func(cmd *exec.Cmd) error         // runs cmd, see startCmd
	shell func(path string) error           // Windows ShellExecute
}

var system = opener{goos: runtime.GOOS, look: exec.LookPath, start: startCmd, shell: shellOpen}

// errNoAssoc is ShellExecute's "no application is associated with this
// file type" (SE_ERR_NOASSOC).
var errNoAssoc = errors.New("no application is associated with this file type")

func classify(err error, file string) error {
	if errors.Is(err, errNoAssoc) {
		return lang.Wrap(err, "open.no-viewer", "file", file)
	}
	return lang.Wrap(err, "open.failed", "file", file)
}

// wait is how long a helper (xdg-open, open) gets to report failure.
// One that is still running then has handed the file to a program and is
// left to finish on its own.
const wait = 5 * time.Second

func startCmd(cmd *exec.Cmd) error {
	if err := cmd.Start(); err != nil {
		return err
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		return err
	case <-time.After(wait):
		return nil
	}
}

func (o opener) open(path string) error {
	abs, err := check(path)
	if err != nil {
		return err
	}
	switch o.goos {
	case "windows":
		if err := o.shell(abs); err != nil {
			return classify(err, abs)
		}
		return nil
	case "darwin":
		return o.run(abs, "open", abs)
	}
	return o.run(abs, "xdg-open", abs)
}

func (o opener) reveal(path string) error {
	abs, err := check(path)
	if err != nil {
		return err
	}
	switch o.goos {
	case "windows":
		// explorer wants the path quoted after the comma, which Go's own
		// argument quoting does not do; it exits 1 even when it worked.
		return o.runLine(abs, "explorer", `/select,"`+abs+`"`)
	case "darwin":
		return o.run(abs, "open", "-R", abs)
	}
	return o.run(abs, "xdg-open", filepath.Dir(abs))
}

// check makes path absolute and requires it to exist.
func check(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", lang.Wrap(err, "file.unreadable", "file", path)
	}
	if _, err := os.Stat(abs); err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return "", lang.E("file.missing", "file", path)
		}
		return "", lang.Wrap(err, "file.unreadable", "file", path)
	}
	return abs, nil
}

// run starts the helper program name with args and reports its failure.
func (o opener) run(file, name string, args ...string) error {
	bin, err := o.look(name)
	if err != nil {
		return lang.Wrap(err, "open.no-program", "file", file, "program", name)
	}
	return o.result(file, o.start(exec.Command(bin, args...)))
}

// runLine starts name with a raw Windows command line (explorer's own
// parsing); its exit code means nothing.
func (o opener) runLine(file, name, line string) error {
	bin, err := o.look(name)
	if err != nil {
		return lang.Wrap(err, "open.no-program", "file", file, "program", name)
	}
	cmd := exec.Command(bin)
	setCmdLine(cmd, `"`+bin+`" `+line)
	err = o.start(cmd)
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		return nil // explorer exits 1 whether or not it showed the folder
	}
	return o.result(file, err)
}

func (o opener) result(file string, err error) error {
	var exit *exec.ExitError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &exit) && exit.ExitCode() == 3: // xdg-open: no program for the type
		return lang.Wrap(err, "open.no-viewer", "file", file)
	case errors.As(err, &exit):
		return lang.Wrap(err, "open.failed", "file", file)
	}
	return lang.Wrap(fmt.Errorf("start: %w", err), "open.failed", "file", file)
}
