package ui

import (
	"context"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"redress/app"
)

// maintainer is what the integrity check and the backups use.
type maintainer interface {
	IntegrityCheck(ctx context.Context) ([]string, error)
	AutoBackup(ctx context.Context) (string, error)
	BackupNow(ctx context.Context) (string, error)
	RestoreInPlace(ctx context.Context, file string) (string, error)
	Damaged() bool // the database failed its check when opened: writes are refused
}

// StartMaintenance checks the database and keeps the daily backups: it runs
// the integrity check and today's backup in the background when the app
// starts, and again every hour while the window is open (a new day makes a
// new backup).
func (u *UI) StartMaintenance() {
	u.checkAndBackup(true)
	u.notifyDue()
	u.every(time.Hour, func() {
		u.checkAndBackup(false)
		u.notifyDue()
		u.cases.reload()
	})
}

func (u *UI) checkAndBackup(atStart bool) {
	var problems []string
	svc := maintainer(u.svc)
	u.async(func(ctx context.Context) (err error) {
		if atStart {
			if problems, err = svc.IntegrityCheck(ctx); err != nil || len(problems) > 0 {
				return err
			}
		}
		_, err = svc.AutoBackup(ctx)
		return err
	}, func(err error) {
		if len(problems) > 0 {
			u.offerRestore()
			return
		}
		if err != nil {
			u.showError(err)
		}
	})
}

// BackupNow makes today's backup now (Settings, File menu) and says so.
func (u *UI) BackupNow() { u.backupNow(func() {}) }

func (u *UI) backupNow(then func()) {
	var path string
	u.async(func(ctx context.Context) (err error) {
		path, err = maintainer(u.svc).BackupNow(ctx)
		return err
	}, func(err error) {
		if err != nil {
			u.showError(err)
			return
		}
		u.notice(u.T("ui.backup-now"), u.T("ui.backup-made", "file", path))
		then()
	})
}

// offerRestore says the database failed its integrity check and offers the
// newest good backup. The damaged file is kept aside, never overwritten.
func (u *UI) offerRestore() {
	b, ok := app.NewestGoodBackup(u.ctx, u.dataDir)
	if !ok {
		u.showError(langError("ui.damaged-no-backup"))
		return
	}
	u.confirm(u.T("ui.damaged-title"), u.T("ui.damaged-text", "day", b.Day), func() { u.restore(b.Path) })
}

// askRestore names what a backup holds, then restores it if the user agrees.
func (u *UI) askRestore(b app.BackupInfo) {
	var bc app.BackupContents
	u.async(func(ctx context.Context) (err error) {
		bc, err = app.ReadBackup(ctx, b.Path)
		return err
	}, func(err error) {
		if err != nil {
			u.showError(err)
			return
		}
		u.confirmWith(u.T("ui.restore-title"), u.restoreText(b, bc), u.T("ui.restore"), func() { u.restore(b.Path) })
	})
}

// restoreText is the restore question: which backup, what it holds.
func (u *UI) restoreText(b app.BackupInfo, bc app.BackupContents) string {
	made := b.Day
	if !bc.Made.IsZero() {
		made = bc.Made.In(u.clock.Location()).Format(timeLayout)
	}
	holds := u.T("ui.backup-holds", "cases", u.N("ui.cases-n", bc.Cases), "events", u.N("ui.entries", bc.Events),
		"files", u.N("ui.files", bc.Files))
	return u.T("ui.restore-text", "made", made, "holds", holds)
}

// restore replaces the data with a backup, keeping the replaced database.
func (u *UI) restore(path string) {
	var aside string
	u.async(func(ctx context.Context) (err error) {
		aside, err = maintainer(u.svc).RestoreInPlace(ctx, path)
		return err
	}, func(err error) {
		if err != nil {
			u.showError(err)
			return
		}
		u.view.caseID = ""
		u.view.content.Objects = []fyne.CanvasObject{u.view.none}
		u.view.content.Refresh()
		u.win.SetTitle(u.T("app.title"))
		u.refreshDamaged()
		u.cases.reload()
		u.notice(u.T("ui.restore-title"), u.T("ui.restored", "aside", aside))
	})
}

// backupList is the Settings section listing the automatic backups, with
// "Back up now".
func (u *UI) backupList() fyne.CanvasObject {
	box := container.NewVBox()
	var fill func()
	now := widget.NewButtonWithIcon(u.T("ui.backup-now"), theme.DocumentSaveIcon(), func() { u.backupNow(fill) })
	fill = func() {
		box.Objects = nil
		all, err := app.Backups(u.dataDir)
		if err != nil || len(all) == 0 {
			box.Add(wrapped(u.T("ui.no-backups", "n", strconv.Itoa(app.KeepDaily))))
		}
		for _, b := range all {
			b := b
			restore := widget.NewButtonWithIcon(u.T("ui.restore"), theme.HistoryIcon(), func() { u.askRestore(b) })
			box.Add(container.NewBorder(nil, nil, nil, restore, widget.NewLabel(b.Day+" · "+sizeText(b.Size))))
		}
		box.Add(container.NewHBox(now))
		box.Refresh()
	}
	fill()
	return box
}
