package main

import (
	"syscall"
	"unsafe"
)

// detachConsole closes the console window Windows opened for redress.exe
// when it was started from Explorer (a double click) rather than from a
// terminal: the desktop app has no use for it. The exe is a console
// program so that the command line prints in cmd.exe and PowerShell; a
// console shared with a terminal is left alone.
func detachConsole() {
	kernel32 := syscall.NewLazyDLL("kernel32.dll")
	var pids [2]uint32
	n, _, _ := kernel32.NewProc("GetConsoleProcessList").Call(uintptr(unsafe.Pointer(&pids[0])), uintptr(len(pids)))
	if n == 1 { // only this process uses the console: it was made for us
		kernel32.NewProc("FreeConsole").Call()
	}
}
