package ui

import (
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
	u.modal(u.T("ui.export-title"), container.NewGridWrap(fyne.NewSize(480, 200), content), u.T("ui.choose-file"), func(done func()) {
		done()
		name := "Redress-" + c.ID[:8] + ".zip"
		u.saveFile(name, func(path string) {
			u.exportTo(path, app.ExportOptions{Redact: redact.Checked, Dossiers: dossiers.Checked})
		})
	}, fyne.Size{})
}

// exportTo writes the open case's archive with a progress bar.
func (u *UI) exportTo(path string, opts app.ExportOptions) {
	id := u.view.caseID
	bar := widget.NewProgressBarInfinite()
	d := u.modal(u.T("ui.export-title"), container.NewVBox(widget.NewLabel(u.T("ui.exporting")), bar), "", nil, fyne.NewSize(420, 140))
	u.async(func() error { return u.svc.Export(u.ctx, id, path, opts) }, func(err error) {
		bar.Stop()
		u.escape()
		_ = d
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
	u.modal(u.T("ui.import-case"), container.NewVBox(widget.NewLabel(u.T("ui.importing-archive")), bar), "", nil, fyne.NewSize(420, 140))
	var c evidence.Case
	u.async(func() (err error) {
		c, err = u.svc.Import(u.ctx, path, app.ImportOptions{AsCopy: asCopy})
		return err
	}, func(err error) {
		bar.Stop()
		u.escape()
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
	var rep app.VerifyReport
	u.async(func() (err error) {
		if strings.EqualFold(filepath.Ext(path), ".pdf") {
			rep, err = u.svc.VerifyDossier(u.ctx, path)
		} else {
			rep, err = app.VerifyArchive(path)
		}
		return err
	}, func(err error) {
		if err != nil {
			u.showError(err)
			return
		}
		u.lastVerify = &rep
		u.showVerify(path, rep)
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
					l.SetText("✓ OK")
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
	table.SetColumnWidth(0, 240)
	table.SetColumnWidth(1, 260)
	table.SetColumnWidth(2, 520)
	summary := u.T("cli.verify-ok", "n", strconv.Itoa(len(rows)))
	if !rep.OK() {
		summary = u.T("cli.verify-failed", "file", filepath.Base(path))
	}
	if rep.Note != "" {
		summary += " " + u.T(rep.Note)
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

// notice shows a short message.
func (u *UI) notice(title, text string) {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapBreak
	u.modal(title, container.NewGridWrap(fyne.NewSize(460, l.MinSize().Height*3), l), "", nil, fyne.Size{})
}

// saveFile asks where to save a new file, starting in the last folder used.
func (u *UI) saveFile(name string, then func(path string)) {
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
		os.Remove(path) // the writer created it empty; the export writes it whole
		u.fa.Preferences().SetString(PrefLastFolder, filepath.Dir(path))
		then(path)
	}, u.win)
	d.SetFileName(name)
	u.startIn(d)
	d.Resize(fyne.NewSize(800, 560))
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
		u.fa.Preferences().SetString(PrefLastFolder, filepath.Dir(path))
		then(path)
	}, u.win)
	d.SetFilter(storage.NewExtensionFileFilter(exts))
	u.startIn(d)
	d.Resize(fyne.NewSize(800, 560))
	d.Show()
}

func (u *UI) startIn(d *dialog.FileDialog) {
	dir := u.fa.Preferences().String(PrefLastFolder)
	if dir == "" {
		dir, _ = os.UserHomeDir()
	}
	if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
		d.SetLocation(l)
	}
}
