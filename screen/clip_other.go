//go:build !(linux || freebsd || openbsd || netbsd || windows || darwin)

package screen

import "errors"

var errUnsupported = errors.New("this system has no clipboard or screen Redress can read")

// Clipboard is not available on this system.
func Clipboard() (Clip, error) {
	return Clip{}, &Error{Problem: ProblemNoClipboard, Err: errUnsupported}
}

func canCapture() error { return &Error{Problem: ProblemNoDisplay, Err: errUnsupported} }
