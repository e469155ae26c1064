package ui

import (
	"context"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"redress/app"
)

// logChecker is what Settings' "Check everything" uses: `verify-log
// --deep`, which replays the signed audit log against the database and
// re-hashes every stored file, telling how far it has got.
type logChecker interface {
	VerifyLogDeepProgress(ctx context.Context, progress func(done, total int)) (app.LogReport, error)
}

// CheckEverything checks the audit log and every stored file in the
// background, with progress, then says what it found.
func (u *UI) CheckEverything() { u.checkEverything(u.svc) }

func (u *UI) checkEverything(svc logChecker) *checkRun {
	r := &checkRun{u: u}
	r.label = wrapped(u.T("ui.check-log"))
	r.bar = widget.NewProgressBar()
	ctx, cancel := context.WithCancel(u.ctx)
	r.shown = u.modalCancel(u.T("ui.check-title"), container.NewVBox(r.label, r.bar), "", nil, fyne.NewSize(480, 180),
		u.T("ui.cancel"), func(close func()) { cancel(); close() })
	var rep app.LogReport
	u.async(func(context.Context) (err error) {
		rep, err = svc.VerifyLogDeepProgress(ctx, func(done, total int) {
			u.post(func() { r.progress(done, total) })
		})
		return err
	}, func(err error) {
		if ctx.Err() != nil {
			return // cancelled: the dialog is closed
		}
		cancel()
		r.shown.close()
		if err != nil {
			u.showError(err)
			return
		}
		r.result = u.checkResult(rep)
		u.notice(u.T("ui.check-title"), r.result)
	})
	return r
}

// checkRun is one "Check everything" under way.
type checkRun struct {
	u      *UI
	label  *widget.Label
	bar    *widget.ProgressBar
	shown  *shown
	result string // what was found, once done
}

func (r *checkRun) progress(done, total int) {
	if total == 0 {
		r.bar.SetValue(1)
		return
	}
	r.label.SetText(r.u.T("ui.check-files", "done", strconv.Itoa(done), "total", strconv.Itoa(total)))
	r.bar.SetValue(float64(done) / float64(total))
}

// checkResult says in the user's words what verify-log --deep found: all
// is intact (how much was checked, who signed the log), or each problem
// with where it is.
func (u *UI) checkResult(rep app.LogReport) string {
	if !rep.OK() {
		lines := []string{u.N("ui.check-problems", len(rep.Problems))}
		for _, p := range rep.Problems {
			where := u.T("audit.at-entity", "entity", u.T("entity."+p.Entity), "id", p.ID)
			if p.Seq > 0 {
				where = u.T("audit.at-entry", "seq", strconv.FormatInt(p.Seq, 10))
			}
			lines = append(lines, "• "+u.T("ui.check-problem", "where", where, "problem", u.T(p.Key)))
		}
		lines = append(lines, u.T("ui.check-problems-next"))
		return strings.Join(lines, "\n")
	}
	lines := []string{u.T("ui.check-ok", "entries", u.N("ui.log-entries", rep.Entries),
		"cases", u.N("ui.cases-n", rep.Cases), "events", u.N("ui.entries", rep.Events), "files", u.N("ui.files", rep.Files))}
	if rep.Signed {
		lines = append(lines, u.T("ui.check-signed", "fingerprint", rep.Fingerprint))
	}
	return strings.Join(lines, "\n")
}

// damagedBanner is the strip above the main window's content while the
// database is damaged: Redress refuses to write to it (the data can still
// be read and exported) and points to restoring a backup.
func (u *UI) damagedBanner() *fyne.Container {
	text := wrapped(u.T("ui.damaged-banner"))
	text.Importance = widget.DangerImportance
	restore := widget.NewButtonWithIcon(u.T("ui.damaged-restore"), theme.HistoryIcon(), u.restoreDamaged)
	restore.Importance = widget.DangerImportance
	b := container.NewBorder(nil, widget.NewSeparator(), widget.NewIcon(theme.ErrorIcon()), restore, text)
	box := container.NewStack(b)
	box.Hide()
	return box
}

// refreshDamaged shows the banner while the database is damaged.
func (u *UI) refreshDamaged() {
	if u.banner == nil {
		return
	}
	if maintainer(u.svc).Damaged() {
		u.banner.Show()
	} else {
		u.banner.Hide()
	}
}

// restoreDamaged offers the newest backup that passes its checks, saying
// what it holds; without one it says what to do.
func (u *UI) restoreDamaged() {
	var b app.BackupInfo
	var ok bool
	u.async(func(ctx context.Context) error {
		b, ok = app.NewestGoodBackup(ctx, u.dataDir)
		return nil
	}, func(error) {
		if !ok {
			u.showError(langError("ui.damaged-no-backup"))
			return
		}
		u.askRestore(b)
	})
}

// checkSection is Settings' "Check everything": what it does, and the button.
func (u *UI) checkSection() fyne.CanvasObject {
	hint := wrapped(u.T("ui.check-hint"))
	hint.SizeName = theme.SizeNameCaptionText
	btn := widget.NewButtonWithIcon(u.T("ui.check-everything"), theme.SearchIcon(), u.CheckEverything)
	return container.NewVBox(container.NewHBox(btn), hint)
}
