package cli

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"

	"redress/app"
	"redress/lang"
)

// verifyFile checks a case archive (ZIP) or a dossier PDF made by Redress.
// The kind is read from the first bytes; a PDF whose first bytes are
// damaged is still recognised (by "%PDF-" further on, or its name) and
// checked as a PDF, so the answer is that it was altered, not that it is
// not a ZIP file. Nothing is created: without a data folder an archive is
// checked on its own.
func (r *runner) verifyFile(path string) (app.VerifyReport, error) {
	f, err := os.Open(path)
	if err != nil {
		if os.IsNotExist(err) {
			return app.VerifyReport{}, lang.E("file.missing", "file", path)
		}
		return app.VerifyReport{}, lang.Wrap(err, "file.unreadable", "file", path)
	}
	head := make([]byte, 1024)
	n, _ := io.ReadFull(f, head)
	f.Close()
	head = head[:n]
	isZip := bytes.HasPrefix(head, []byte("PK\x03\x04")) || bytes.HasPrefix(head, []byte("PK\x05\x06"))
	isPDF := bytes.Contains(head, []byte("%PDF-")) || strings.EqualFold(filepath.Ext(path), ".pdf")
	switch {
	case isPDF && !isZip:
		a, err := r.openRead()
		if err != nil {
			return app.VerifyReport{}, err
		}
		defer a.Close()
		return a.VerifyDossier(r.ctx, path)
	case !isZip && !strings.EqualFold(filepath.Ext(path), ".zip"):
		return app.VerifyReport{}, lang.E("verify.unknown-file", "file", path)
	}
	a, err := r.openRead()
	if err != nil {
		var le *lang.Error
		if errors.As(err, &le) && (le.Key == "data.missing" || le.Key == "data.no-database") {
			return app.VerifyArchive(path) // no data here: the archive alone
		}
		return app.VerifyReport{}, err
	}
	defer a.Close()
	return a.VerifyArchive(path)
}
