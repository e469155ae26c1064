//go:build !linux

package app

import "time"

// The benchmark's process figures are read from Linux's /proc and
// getrusage; elsewhere they are not reported.
func resetPeakRSS()          {}
func readPeakRSS() int64     { return 0 }
func cpuTime() time.Duration { return 0 }
