//go:build !windows

package app

// inUse is a Windows matter: elsewhere an open file can be replaced.
func inUse(error, string) bool { return false }

// locked is a Windows matter too: elsewhere locks are advisory.
func locked(error) bool { return false }
