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
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"redress/app"
	"redress/evidence"
	"redress/lang"
)

// archiver is what exporting, importing and verifying use.
type archiver interface {
	ExportReport(ctx context.Context, caseRef, out string, opts app.ExportOptions) (app.ExportResult, error)
	Import(ctx context.Context, file string, opts app.ImportOptions) (evidence.Case, error)
	VerifyDossier(ctx context.Context, path string) (app.VerifyReport, error)
	VerifyArchive(file string) (app.VerifyReport, error)
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

// exportTo writes the open case's archive with a progress bar, then says
// what it holds and what it left out.
func (u *UI) exportTo(path string, opts app.ExportOptions) { u.exportWith(archiver(u.svc), path, opts) }

func (u *UI) exportWith(svc archiver, path string, opts app.ExportOptions) {
	id := u.view.caseID
	bar := widget.NewProgressBarInfinite()
	d := u.modal(u.T("ui.export-title"), container.NewVBox(widget.NewLabel(u.T("ui.exporting")), bar), "", nil, fyne.NewSize(420, 140))
	var res app.ExportResult
	u.async(func(ctx context.Context) (err error) {
		res, err = svc.ExportReport(ctx, id, path, opts)
		return err
	}, func(err error) {
		bar.Stop()
		d.close()
		if err != nil {
			u.showError(err)
			return
		}
		u.exportDone(path, opts, res)
	})
}

// exportDone says where the archive is, how many dossiers went in and
// which were left out (missing or changed since they were made), and
// offers to show it in its folder.
func (u *UI) exportDone(path string, opts app.ExportOptions, res app.ExportResult) *fyne.Container {
	lines := []string{u.T("cli.exported", "file", path)}
	if opts.Dossiers {
		lines = append(lines, u.N("ui.export-dossiers", res.Dossiers))
	}
	for _, p := range res.Problems {
		lines = append(lines, u.T(p.Key, "file", p.File))
	}
	msg := wrapped(strings.Join(lines, "\n"))
	if len(res.Problems) > 0 {
		msg.Importance = widget.WarningImportance
	}
	status := wrapped("")
	status.Hide()
	folder := widget.NewButtonWithIcon(u.T("ui.show-folder"), theme.FolderOpenIcon(), func() {
		u.launch(path, true, func(err error) {
			status.SetText(u.l.Err(err))
			status.Importance = widget.WarningImportance
			status.Show()
		})
	})
	box := container.NewVBox(msg, newWrap(folder), status)
	u.modal(u.T("ui.export-title"), container.NewVScroll(box), "", nil, fyne.NewSize(560, 300))
	return box
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
			rep, err = archiver(u.svc).VerifyArchive(path) // also says whether this installation signed it
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

// verifyRow is one line of the verify result table.
type verifyRow struct {
	result     string
	importance widget.Importance
	file, hash string
}

// verifyRows are the lines of the verify result table: for an archive
// first who signed it ("signed by this installation", "signed by key …",
// "not signed"), then each file with its result.
func (u *UI) verifyRows(rep app.VerifyReport) []verifyRow {
	var rows []verifyRow
	if rep.Kind == "archive" {
		switch {
		case rep.Signer == "":
			rows = append(rows, verifyRow{u.T("ui.verify-unsigned"), widget.WarningImportance, u.T("ui.verify-signature"), ""})
		case rep.ThisInstall:
			rows = append(rows, verifyRow{u.T("ui.verify-signed-here"), widget.SuccessImportance, u.T("ui.verify-signature"), rep.Signer})
		default:
			rows = append(rows, verifyRow{u.T("ui.verify-signed-by"), widget.MediumImportance, u.T("ui.verify-signature"), rep.Signer})
		}
	}
	for _, r := range rep.Results {
		row := verifyRow{u.T("ui.verify-ok-cell"), widget.SuccessImportance, r.Path, r.Actual}
		if !r.OK {
			row.result, row.importance = u.T("cli.mismatch"), widget.DangerImportance
			if r.Problem != "" {
				row.result += ": " + u.T(r.Problem, "name", r.Path)
			}
		}
		rows = append(rows, row)
	}
	return rows
}

// verifySummary is the sentence above the table: whether every file
// verified, who signed an archive, and any note.
func (u *UI) verifySummary(path string, rep app.VerifyReport) string {
	summary := u.T("cli.verify-ok", "n", strconv.Itoa(len(rep.Results)))
	if !rep.OK() {
		summary = u.T("cli.verify-failed", "file", filepath.Base(path))
	}
	if rep.Kind == "archive" {
		switch {
		case rep.Signer == "":
			summary += " " + u.T("cli.verify-unsigned")
		case rep.ThisInstall:
			summary += " " + u.T("cli.verify-signed-here", "fingerprint", rep.Signer)
		default:
			summary += " " + u.T("cli.verify-signed-by", "fingerprint", rep.Signer)
		}
	}
	if rep.Note != "" {
		summary += " " + u.T(rep.Note)
	}
	if s := u.dossierSealText(rep); s != "" {
		summary += "\n" + s
	}
	return summary
}

func (u *UI) showVerify(path string, rep app.VerifyReport) *widget.Table {
	rows := u.verifyRows(rep)
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
				l.Importance = r.importance
				l.SetText(r.result)
			case 1:
				l.SetText(r.file)
			case 2:
				l.SetText(r.hash)
			}
		})
	table.SetColumnWidth(0, 260)
	table.SetColumnWidth(1, 240)
	table.SetColumnWidth(2, 520)
	top := widget.NewLabel(u.verifySummary(path, rep))
	top.Wrapping = fyne.TextWrapWord
	if rep.OK() {
		top.Importance = widget.SuccessImportance
	} else {
		top.Importance = widget.DangerImportance
	}
	u.modal(u.T("ui.verify-file"), container.NewBorder(top, nil, nil, nil, table), "", nil, fyne.NewSize(900, 520))
	return table
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
