//go:build !windows

package app

import "syscall"

var noSpace = []error{syscall.ENOSPC, syscall.EDQUOT}
