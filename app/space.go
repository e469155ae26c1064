package app

import (
	"errors"

	"redress/lang"
)

// spaceError says in the user's words that a file could not be written
// because the disk is full; other errors pass unchanged.
func spaceError(err error, file string) error {
	if err != nil && diskFull(err) {
		return lang.Wrap(err, "file.disk-full", "file", file)
	}
	return err
}

// diskFull reports whether err comes from a full disk (or quota).
func diskFull(err error) bool {
	for _, e := range noSpace {
		if errors.Is(err, e) {
			return true
		}
	}
	return false
}
