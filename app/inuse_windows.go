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
	const (
		errorAccessDenied     = syscall.Errno(5)
		errorSharingViolation = syscall.Errno(32)
		errorLockViolation    = syscall.Errno(33)
	)
	if errors.Is(err, errorSharingViolation) || errors.Is(err, errorLockViolation) {
		return true
	}
	if errors.Is(err, errorAccessDenied) { // also what MoveFileEx says for an open target
		st, serr := os.Stat(target)
		return serr == nil && !st.IsDir()
	}
	return false
}
