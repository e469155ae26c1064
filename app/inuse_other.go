//go:build !windows

package app

// inUse is a Windows matter: elsewhere an open file can be replaced.
func inUse(error, string) bool { return false }
