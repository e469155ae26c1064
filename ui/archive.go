package ui

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"redress/app"
	"redress/evidence"
	"redress/lang"
)

// archiver is what exporting, importing and verifying use.
type archiver interface {
	Export(ctx context.Context, caseRef, out string, opts app.ExportOptions) error
	Import(ctx context.Context, file string, opts app.ImportOptions) (evidence.Case, error)
	VerifyDossier(ctx context.Context, path string) (app.VerifyReport, error)
}

// ExportCase asks what to include, then where to save the open case's archive.
func (u *UI) ExportCase() {
	c := u.view.c
	if u.view.caseID == "" {
		return
	}
	redact := widget.NewCheck(u.T("ui.redact"), nil)
	dossiers := widget.NewCheck(u.T("ui.include-dossiers"), nil)
	hint := widget.NewLabel(u.T("ui.export-hint"))
	hint.Wrapping = fyne.TextWrapWord
	content := container.NewVBox(hint, redact, dossiers)
	u.modal(u.T("ui.export-title"), container.NewVScroll(content), u.T("ui.choose-file"), func(done func()) {
		done()
		dir := u.lastFolder()
		u.saveDialog(dir, app.FreeName(filepath.Join(dir, "Redress-"+c.ID[:8]+".zip")), func(path string) {
			u.setLastFolder(filepath.Dir(path))
			u.exportTo(path, app.ExportOptions{Redact: redact.Checked, Dossiers: dossiers.Checked})
		})
	}, fyne.NewSize(500, 300))
}

// exportTo writes the open case's archive with a progress bar.
func (u *UI) exportTo(path string, opts app.ExportOptions) {
	id := u.view.caseID
	bar := widget.NewProgressBarInfinite()
	d := u.modal(u.T("ui.export-title"), container.NewVBox(widget.NewLabel(u.T("ui.exporting")), bar), "", nil, fyne.NewSize(420, 140))
	u.async(func(ctx context.Context) error { return archiver(u.svc).Export(ctx, id, path, opts) }, func(err error) {
		bar.Stop()
		d.close()
		if err != nil {
			u.showError(err)
			return
		}
		u.notice(u.T("ui.export-title"), u.T("cli.exported", "file", path))
	})
}

// ImportCase picks an archive and imports it.
func (u *UI) ImportCase() {
	u.openFile([]string{".zip"}, func(path string) { u.importFrom(path, false) })
}

// importFrom imports an archive; when the case is already here it asks
// whether to import it as a separate copy.
func (u *UI) importFrom(path string, asCopy bool) {
	bar := widget.NewProgressBarInfinite()
	d := u.modal(u.T("ui.import-case"), container.NewVBox(widget.NewLabel(u.T("ui.importing-archive")), bar), "", nil, fyne.NewSize(420, 140))
	var c evidence.Case
	u.async(func(ctx context.Context) (err error) {
		c, err = archiver(u.svc).Import(ctx, path, app.ImportOptions{AsCopy: asCopy})
		return err
	}, func(err error) {
		bar.Stop()
		d.close()
		var le *lang.Error
		if errors.As(err, &le) && le.Key == "import.exists" && !asCopy {
			u.confirm(u.T("ui.import-case"), u.T("ui.import-exists"), func() { u.importFrom(path, true) })
			return
		}
		if err != nil {
			u.showError(err)
			return
		}
		u.cases.selected = c.ID
		u.cases.reload()
		u.OpenCase(c.ID)
	})
}

// VerifyFile picks an archive or a dossier PDF and shows each file's check.
func (u *UI) VerifyFile() {
	u.openFile([]string{".zip", ".pdf"}, u.verifyPath)
}

func (u *UI) verifyPath(path string) {
	u.verify(path, func(rep app.VerifyReport) { u.showVerify(path, rep) })
}

// verify checks an archive or a dossier PDF, then shows the report.
func (u *UI) verify(path string, show func(app.VerifyReport)) {
	var rep app.VerifyReport
	u.async(func(ctx context.Context) (err error) {
		if strings.EqualFold(filepath.Ext(path), ".pdf") {
			rep, err = archiver(u.svc).VerifyDossier(ctx, path)
		} else {
			rep, err = app.VerifyArchive(path)
		}
		return err
	}, func(err error) {
		if err != nil {
			u.showError(err)
			return
		}
		show(rep)
	})
}

func (u *UI) showVerify(path string, rep app.VerifyReport) {
	rows := rep.Results
	table := widget.NewTable(func() (int, int) { return len(rows) + 1, 3 },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			l.Importance = widget.MediumImportance
			if id.Row == 0 {
				l.TextStyle = fyne.TextStyle{Bold: true}
				l.SetText([]string{u.T("ui.verify-result"), u.T("ui.verify-file-col"), "SHA-256"}[id.Col])
				return
			}
			l.TextStyle = fyne.TextStyle{}
			r := rows[id.Row-1]
			switch id.Col {
			case 0:
				if r.OK {
					l.SetText(u.T("ui.verify-ok-cell"))
					l.Importance = widget.SuccessImportance
				} else {
					text := u.T("cli.mismatch")
					if r.Problem != "" {
						text += ": " + u.T(r.Problem, "name", r.Path)
					}
					l.SetText(text)
					l.Importance = widget.DangerImportance
				}
			case 1:
				l.SetText(r.Path)
			case 2:
				l.SetText(r.Actual)
			}
		})
	table.SetColumnWidth(0, 220)
	table.SetColumnWidth(1, 240)
	table.SetColumnWidth(2, 520)
	summary := u.T("cli.verify-ok", "n", strconv.Itoa(len(rows)))
	if !rep.OK() {
		summary = u.T("cli.verify-failed", "file", filepath.Base(path))
	}
	if rep.Note != "" {
		summary += " " + u.T(rep.Note)
	}
	if s := u.dossierSealText(rep); s != "" {
		summary += "\n" + s
	}
	top := widget.NewLabel(summary)
	top.Wrapping = fyne.TextWrapWord
	if rep.OK() {
		top.Importance = widget.SuccessImportance
	} else {
		top.Importance = widget.DangerImportance
	}
	u.modal(u.T("ui.verify-file"), container.NewBorder(top, nil, nil, nil, table), "", nil, fyne.NewSize(900, 520))
}

// notice shows a short message, in a dialog sized to it.
func (u *UI) notice(title, text string) {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	lines := strings.Count(text, "\n") + 1 + len([]rune(text))/48
	u.modal(title, container.NewVScroll(l), "", nil, fyne.NewSize(480, float32(130+24*lines)))
}

// prefLastFolder is the preference remembering, per data folder, the
// folder files were last picked from or saved to.
func prefLastFolder(dataDir string) string { return PrefLastFolder + ":" + dataDir }

// lastFolder is where file dialogs start: the folder last used with this
// data folder, else the home folder.
func (u *UI) lastFolder() string {
	if dir := u.fa.Preferences().String(prefLastFolder(u.dataDir)); isDirPath(dir) {
		return dir
	}
	home, _ := os.UserHomeDir()
	return home
}

func (u *UI) setLastFolder(dir string) {
	u.fa.Preferences().SetString(prefLastFolder(u.dataDir), dir)
}

// saveDialog asks where to save a new file, starting in dir with the name
// of suggested; then gets the chosen path. The file the dialog creates is
// removed again before then runs, which writes it whole (atomically).
// Choosing an existing file's name is asked about by the dialog.
func (u *UI) saveDialog(dir, suggested string, then func(path string)) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			u.showError(err)
			return
		}
		if w == nil {
			return
		}
		path := w.URI().Path()
		w.Close()
		os.Remove(path)
		then(path)
	}, u.win)
	d.SetFileName(filepath.Base(suggested))
	d.SetTitleText(u.T("ui.save-file-title"))
	d.SetConfirmText(u.T("ui.save"))
	d.SetDismissText(u.T("ui.cancel"))
	if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
		d.SetLocation(l)
	}
	d.Resize(u.fit(fyne.NewSize(800, 560)))
	d.Show()
}

// openFile asks for an existing file with one of the extensions.
func (u *UI) openFile(exts []string, then func(path string)) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			u.showError(err)
			return
		}
		if r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		u.setLastFolder(filepath.Dir(path))
		then(path)
	}, u.win)
	d.SetFilter(storage.NewExtensionFileFilter(exts))
	d.SetTitleText(u.T("ui.open-file-title"))
	d.SetConfirmText(u.T("ui.open"))
	d.SetDismissText(u.T("ui.cancel"))
	if l, err := storage.ListerForURI(storage.NewFileURI(u.lastFolder())); err == nil {
		d.SetLocation(l)
	}
	d.Resize(u.fit(fyne.NewSize(800, 560)))
	d.Show()
}
