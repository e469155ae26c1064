package app

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"

	"redress/filename"
	"redress/lang"
)

// goos is the system whose file-name rules apply (a variable for tests).
var goos = runtime.GOOS

// checkName refuses, on Windows, a file name that Windows would not store
// as given: a device name (NUL.pdf writes into nothing), a trailing dot
// or space (silently dropped), a refused character. The sentence names
// the problem and suggests a name that works. It must see the path as
// typed: filepath.Abs on Windows already turns C:\out\NUL.pdf into
// \\.\NUL and drops a trailing dot.
// CheckName refuses, on Windows, a file name the system cannot keep (a
// device name such as NUL.pdf, a trailing dot or space, a reserved
// character) with one sentence that suggests a safe name; elsewhere it
// accepts every name. Writers call it before anything else, so the
// refusal names the real problem rather than, say, "already exists".
func CheckName(path string) error { return checkName(path) }

func checkName(path string) error {
	if goos != "windows" {
		return nil
	}
	name := filepath.Base(path)
	if p := filename.Problem(name); p != "" {
		return lang.E("file.name-"+p, "file", path, "name", name, "safe", filename.Safe(name, "redress"))
	}
	return nil
}

// writeFile writes path (owner-only) through a temporary file beside it,
// synced and then renamed into place, so a failure never leaves a
// half-written file under the final name. It returns the absolute path.
// Errors from write come back as write returned them; failing to create or
// move the file is reported with key, a lang key taking {file}.
func writeFile(path, key string, write func(io.Writer) error) (string, error) {
	if err := checkName(path); err != nil {
		return "", err
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", fmt.Errorf("write %s: %w", path, err)
	}
	tmp := abs + ".partial"
	f, err := os.OpenFile(tmp, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o600)
	if err != nil {
		return "", lang.Wrap(err, key, "file", path)
	}
	err = write(&writeback{f: f})
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil { // closed before the rename: Windows cannot move an open file
		err = cerr
	}
	if err != nil {
		os.Remove(tmp)
		return "", err
	}
	if err := os.Rename(tmp, abs); err != nil {
		os.Remove(tmp)
		if inUse(err, abs) {
			return "", lang.Wrap(err, "file.in-use", "file", path)
		}
		return "", lang.Wrap(err, key, "file", path)
	}
	return abs, nil
}

// writebackStep is how many bytes writeback lets accumulate before it
// asks the system to start writing them to the disk.
const writebackStep = 8 << 20

// writeback writes to f and, every writebackStep bytes, starts writing
// what it wrote to the disk (startWriteback), so that syncing the file at
// the end does not wait for all of it.
type writeback struct {
	f       *os.File
	n, done int64 // bytes written; bytes handed to startWriteback
}

func (w *writeback) Write(p []byte) (int, error) {
	n, err := w.f.Write(p)
	w.n += int64(n)
	if w.n-w.done >= writebackStep {
		startWriteback(w.f, w.done, w.n-w.done)
		w.done = w.n
	}
	return n, err
}
