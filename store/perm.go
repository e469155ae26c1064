package store

import (
	"errors"
	"io/fs"
	"os"
	"runtime"
)

// Owner-only modes: a Redress data folder and every file in it are
// readable by their owner alone, from the first byte.
const (
	DirMode  fs.FileMode = 0o700
	FileMode fs.FileMode = 0o600
)

// Tighten takes group and other permissions off path when it has any
// (an older Redress, or a copy made by another program, may have left
// them). Windows keeps access in ACLs, which the folder's own rules
// govern: nothing is changed there.
func Tighten(path string, mode fs.FileMode) error {
	if runtime.GOOS == "windows" {
		return nil
	}
	st, err := os.Lstat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if st.Mode()&fs.ModeSymlink != 0 || st.Mode().Perm()&0o077 == 0 {
		return nil
	}
	return os.Chmod(path, st.Mode().Perm()&mode)
}

// tighten makes a database and SQLite's files beside it owner-only.
func tighten(db string) {
	for _, suffix := range []string{"", "-wal", "-shm", "-journal", lockSuffix, gateSuffix} {
		Tighten(db+suffix, FileMode)
	}
}

// createOwnerOnly creates an empty file readable by its owner only; it
// must not exist.
func createOwnerOnly(path string) error {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, FileMode)
	if err != nil {
		return err
	}
	return f.Close()
}
