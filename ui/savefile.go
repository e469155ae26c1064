package ui

import (
	"errors"
	"log"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/storage/repository"
)

// Fyne's save dialog (dialog.NewFileSave) hands its callback a writer made
// by storage.Writer, and Fyne's file repository makes it with os.Create:
// the chosen file is created, or an existing one truncated, as soon as the
// user confirms (fyne 2.7.1, internal/repository/file.go). If the dossier
// or archive then cannot be written, the file the user agreed to replace
// is already empty. Redress takes only the chosen path from the dialog:
// the repository for file: URIs is wrapped so that its Writer opens
// nothing, and the file is written afterwards by package app's atomic
// writer (a temporary file renamed over the old one once complete).

// fileRepository is everything Fyne's repository for file: URIs does.
type fileRepository interface {
	repository.AppendableRepository
	repository.ListableRepository
	repository.HierarchicalRepository
	repository.CopyableRepository
	repository.MovableRepository
	repository.DeleteAllRepository
}

// pathOnlyRepository is Fyne's file repository whose Writer only names the
// file: nothing is created, opened or truncated.
type pathOnlyRepository struct{ fileRepository }

// Writer returns a writer that names u and writes nothing.
func (r pathOnlyRepository) Writer(u fyne.URI) (fyne.URIWriteCloser, error) {
	return chosenFile{u}, nil
}

// chosenFile is the save dialog's answer: a path, never an open file.
type chosenFile struct{ uri fyne.URI }

// errPathOnly is what writing to a chosenFile gives: files are written by
// package app, after the dialog, never through the dialog's writer.
var errPathOnly = errors.New("the save dialog only chooses a file name; write the file with app.SaveFile")

func (c chosenFile) URI() fyne.URI             { return c.uri }
func (c chosenFile) Write([]byte) (int, error) { return 0, errPathOnly }
func (c chosenFile) Close() error              { return nil }

// choosePathsOnly wraps the repository the Fyne driver registered for
// file: URIs (each new app registers its own) unless it is wrapped already.
func choosePathsOnly() {
	r, err := repository.ForScheme("file")
	if err != nil {
		log.Printf("redress: no file repository: %v", err)
		return
	}
	switch fr := r.(type) {
	case pathOnlyRepository:
	case fileRepository:
		repository.Register("file", pathOnlyRepository{fr})
	default:
		log.Printf("redress: Fyne's file repository %T cannot be wrapped; the save dialog is not used", r)
	}
}

// canChoosePaths reports whether the save dialog gives paths only.
func canChoosePaths() bool {
	r, err := repository.ForScheme("file")
	if err != nil {
		return false
	}
	_, ok := r.(pathOnlyRepository)
	return ok
}

// saveDialog asks where to save a new file, starting in dir with the name
// of suggested, then gets the chosen path; nothing is written to the disk
// until then writes it (with app's atomic writer). Choosing an existing
// file's name is asked about by the dialog; the old file stays as it is
// until the new one is complete.
func (u *UI) saveDialog(dir, suggested string, then func(path string)) {
	u.saveDialogOn(u.win, dir, suggested, then)
}

// saveDialogOn is saveDialog over another window (the attachment viewer).
func (u *UI) saveDialogOn(win fyne.Window, dir, suggested string, then func(path string)) {
	choosePathsOnly()
	if !canChoosePaths() {
		u.showErrorOn(win, langError("ui.save-unavailable"))
		return
	}
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			u.showErrorOn(win, err)
			return
		}
		if w == nil {
			return // cancelled
		}
		path := w.URI().Path()
		w.Close() // a chosenFile: closing it touches nothing
		then(path)
	}, win)
	d.SetFileName(filepath.Base(suggested))
	d.SetTitleText(u.T("ui.save-file-title"))
	d.SetConfirmText(u.T("ui.save"))
	d.SetDismissText(u.T("ui.cancel"))
	if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
		d.SetLocation(l)
	}
	d.Resize(fitTo(win, fyne.NewSize(800, 560)))
	d.Show()
}
