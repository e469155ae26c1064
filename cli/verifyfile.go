package cli

import (
	"os"

	"redress/app"
	"redress/lang"
)

// verifyFile checks a case archive (ZIP) or a dossier PDF made by Redress.
func (r *runner) verifyFile(path string) (app.VerifyReport, error) {
	f, err := os.Open(path)
	if err != nil {
		if os.IsNotExist(err) {
			return app.VerifyReport{}, lang.E("file.missing", "file", path)
		}
		return app.VerifyReport{}, lang.Wrap(err, "file.unreadable", "file", path)
	}
	head := make([]byte, 5)
	n, _ := f.Read(head)
	f.Close()
	if n >= 5 && string(head) == "%PDF-" {
		a, err := r.open()
		if err != nil {
			return app.VerifyReport{}, err
		}
		defer a.Close()
		return a.VerifyDossier(r.ctx, path)
	}
	return app.VerifyArchive(path)
}
