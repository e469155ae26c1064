package ui

import (
	"context"
	"errors"
	"net/url"
	"os/exec"
	"path/filepath"
	"runtime"
	"time"

	"fyne.io/fyne/v2"
)

// openExternally opens a file or folder with the program the system uses
// for it, then calls done (on the UI thread) with an error when no program
// could open it. Fyne's OpenURL starts xdg-open without waiting, so it
// cannot tell; here the opener's exit status is read. An opener still
// running after a few seconds has handed the file to a program.
func (u *UI) openExternally(path string, done func(error)) {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "windows", "ios", "android", "js":
		err := u.fa.OpenURL(&url.URL{Scheme: "file", Path: filepath.ToSlash(path)})
		done(err)
		return
	case "darwin":
		cmd = exec.Command("open", path)
	default:
		cmd = exec.Command("xdg-open", path)
	}
	u.async(func(ctx context.Context) error {
		if err := cmd.Start(); err != nil {
			return err
		}
		exited := make(chan error, 1)
		go func() { exited <- cmd.Wait() }()
		select {
		case err := <-exited:
			return err
		case <-time.After(5 * time.Second):
			return nil
		case <-ctx.Done():
			return nil
		}
	}, func(err error) {
		if err != nil {
			var ee *exec.ExitError
			if !errors.As(err, &ee) && !errors.Is(err, exec.ErrNotFound) {
				fyne.LogError("open "+path, err)
			}
		}
		done(err)
	})
}
