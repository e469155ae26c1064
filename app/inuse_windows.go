package app

import (
	"errors"
	"os"
	"syscall"
)

// inUse reports whether err is Windows refusing to replace or remove a
// file because another program has it open (a PDF viewer holding the
// previous dossier, a second Redress holding the database).
func inUse(err error, target string) bool {
	if locked(err) {
		return true
	}
	if errors.Is(err, syscall.Errno(5)) { // ERROR_ACCESS_DENIED: also what MoveFileEx says for an open target
		st, serr := os.Stat(target)
		return serr == nil && !st.IsDir()
	}
	return false
}

// locked reports whether err is a sharing or lock violation: another
// program opened the file without letting others read or change it.
func locked(err error) bool {
	const (
		errorSharingViolation = syscall.Errno(32)
		errorLockViolation    = syscall.Errno(33)
	)
	return errors.Is(err, errorSharingViolation) || errors.Is(err, errorLockViolation)
}
