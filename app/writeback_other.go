//go:build !linux

package app

import "os"

// startWriteback does nothing here: only Linux has sync_file_range.
func startWriteback(f *os.File, off, n int64) {}
