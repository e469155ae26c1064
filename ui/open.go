package ui

import (
	"context"
	"os"
	"path/filepath"
	"sync"

	"redress/opener"
)

// launcher opens a file with the program the system uses for it, and
// shows a file in its folder (package opener: open, explorer /select,
// xdg-open). Its errors are sentences the user can act on ("no program on
// this computer opens files like …"). Tests replace it with a fake.
type launcher interface {
	Open(path string) error
	Reveal(path string) error
}

// systemLauncher is package opener.
type systemLauncher struct{}

func (systemLauncher) Open(path string) error   { return opener.Open(path) }
func (systemLauncher) Reveal(path string) error { return opener.Reveal(path) }

// launch opens path (reveal: shows it in its folder) in the background:
// the helper programs may take seconds to say whether they could. When
// none could, failed gets the error on the UI thread.
func (u *UI) launch(path string, reveal bool, failed func(error)) {
	l := u.launcher
	u.async(func(context.Context) error {
		if reveal {
			return l.Reveal(path)
		}
		return l.Open(path)
	}, func(err error) {
		if err != nil {
			failed(err)
		}
	})
}

// openCopies is the folder, made once per run and readable by the user
// only, where "Open with…" puts the copies of attachments it hands to
// other programs: the stored original is never given out for writing.
var openCopies struct {
	sync.Mutex
	dir string
}

func openCopyDir() (string, error) {
	openCopies.Lock()
	defer openCopies.Unlock()
	if openCopies.dir != "" {
		if st, err := os.Stat(openCopies.dir); err == nil && st.IsDir() {
			return openCopies.dir, nil
		}
	}
	dir, err := os.MkdirTemp("", "redress-open-")
	if err != nil {
		return "", err
	}
	openCopies.dir = dir
	return dir, nil
}

// openCopyPath is where the copy of an attachment opened with another
// program goes: its own folder per file (by hash), under a safe name.
func openCopyPath(sha, safeName string) (string, error) {
	dir, err := openCopyDir()
	if err != nil {
		return "", err
	}
	if len(sha) > 16 {
		sha = sha[:16]
	}
	sub := filepath.Join(dir, sha)
	if err := os.MkdirAll(sub, 0o700); err != nil {
		return "", err
	}
	return filepath.Join(sub, safeName), nil
}
