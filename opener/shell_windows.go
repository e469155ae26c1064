package opener

import (
	"os/exec"
	"syscall"
	"unsafe"
)

// ShellExecute's results of 32 or less are errors (shellapi.h).
const (
	seErrFileNotFound = 2
	seErrPathNotFound = 3
	seErrAccessDenied = 5
	seErrNoAssoc      = 31
)

var shellExecute = syscall.NewLazyDLL("shell32.dll").NewProc("ShellExecuteW")

// shellOpen asks Windows to open path as a double click in Explorer would.
func shellOpen(path string) error {
	verb, err := syscall.UTF16PtrFromString("open")
	if err != nil {
		return err
	}
	file, err := syscall.UTF16PtrFromString(path)
	if err != nil {
		return err
	}
	const swShowNormal = 1
	r, _, callErr := shellExecute.Call(0, uintptr(unsafe.Pointer(verb)), uintptr(unsafe.Pointer(file)), 0, 0, swShowNormal)
	switch {
	case r > 32:
		return nil
	case r == seErrNoAssoc:
		return errNoAssoc
	case r == seErrFileNotFound || r == seErrPathNotFound:
		return syscall.ERROR_FILE_NOT_FOUND
	case r == seErrAccessDenied:
		return syscall.ERROR_ACCESS_DENIED
	}
	return callErr
}

func setCmdLine(cmd *exec.Cmd, line string) {
	cmd.SysProcAttr = &syscall.SysProcAttr{CmdLine: line}
}
