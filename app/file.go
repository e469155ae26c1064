package app

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"redress/lang"
)

// writeFile writes path (owner-only) through a temporary file beside it,
// synced and then renamed into place, so a failure never leaves a
// half-written file under the final name. It returns the absolute path.
// Errors from write come back as write returned them; failing to create or
// move the file is reported with key, a lang key taking {file}.
func writeFile(path, key string, write func(io.Writer) error) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", fmt.Errorf("write %s: %w", path, err)
	}
	tmp := abs + ".partial"
	f, err := os.OpenFile(tmp, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o600)
	if err != nil {
		return "", lang.Wrap(err, key, "file", path)
	}
	err = write(f)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(tmp)
		return "", err
	}
	if err := os.Rename(tmp, abs); err != nil {
		os.Remove(tmp)
		return "", lang.Wrap(err, key, "file", path)
	}
	return abs, nil
}
