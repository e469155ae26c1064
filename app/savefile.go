package app

import "io"

// SaveFile writes path the way every file Redress makes is written: owner
// only, into a temporary file beside it that is synced and then renamed
// into place. An existing file of that name is replaced only once the new
// one is complete: when writing fails (a full disk, a dossier that cannot
// be rendered) the old file is left exactly as it was. It returns the
// absolute path. The desktop app writes a copy of an attachment with it.
func SaveFile(path string, write func(io.Writer) error) (string, error) {
	abs, err := writeFile(path, "file.cannot-write", write)
	return abs, spaceError(err, path)
}
