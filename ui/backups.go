package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"redress/app"
)

// StartMaintenance checks the database and keeps the daily backups: it runs
// the integrity check and today's backup in the background when the app
// starts, and again every hour while it runs (a new day makes a new backup).
func (u *UI) StartMaintenance() {
	u.checkAndBackup(true)
	u.notifyDue()
	go func() {
		t := time.NewTicker(time.Hour)
		defer t.Stop()
		for range t.C {
			fyne.Do(func() {
				u.checkAndBackup(false)
				u.notifyDue()
				u.cases.reload()
			})
		}
	}()
}

func (u *UI) checkAndBackup(atStart bool) {
	var problems []string
	u.async(func() (err error) {
		if atStart {
			if problems, err = u.svc.IntegrityCheck(u.ctx); err != nil || len(problems) > 0 {
				return err
			}
		}
		_, err = u.svc.AutoBackup(u.ctx)
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

// offerRestore says the database failed its integrity check and offers the
// newest good backup. The damaged file is kept aside, never overwritten.
func (u *UI) offerRestore() {
	b, ok := app.NewestGoodBackup(u.ctx, u.svc.Dir())
	if !ok {
		u.showError(langError("ui.damaged-no-backup"))
		return
	}
	u.confirm(u.T("ui.damaged-title"), u.T("ui.damaged-text", "day", b.Day), func() { u.restore(b.Path) })
}

// restore replaces the data with a backup, keeping the replaced database.
func (u *UI) restore(path string) {
	var aside string
	u.async(func() (err error) {
		aside, err = u.svc.RestoreInPlace(u.ctx, path)
		return err
	}, func(err error) {
		if err != nil {
			u.showError(err)
			return
		}
		u.view.caseID = ""
		u.view.content.Objects = []fyne.CanvasObject{u.view.none}
		u.view.content.Refresh()
		u.cases.reload()
		msg := widget.NewLabel(u.T("ui.restored", "aside", aside))
		msg.Wrapping = fyne.TextWrapWord
		u.modal(u.T("ui.restore-title"), container.NewGridWrap(fyne.NewSize(460, msg.MinSize().Height*3), msg), "", nil, fyne.Size{})
	})
}

// backupList is the Settings section listing the automatic backups.
func (u *UI) backupList() fyne.CanvasObject {
	box := container.NewVBox()
	all, err := app.Backups(u.svc.Dir())
	if err != nil || len(all) == 0 {
		l := widget.NewLabel(u.T("ui.no-backups"))
		l.Wrapping = fyne.TextWrapWord
		box.Add(l)
		return box
	}
	for _, b := range all {
		b := b
		restore := widget.NewButtonWithIcon(u.T("ui.restore"), theme.HistoryIcon(), func() {
			u.confirm(u.T("ui.restore-title"), u.T("ui.restore-text", "day", b.Day), func() { u.restore(b.Path) })
		})
		box.Add(container.NewBorder(nil, nil, nil, restore, widget.NewLabel(b.Day+" · "+sizeText(b.Size))))
	}
	return box
}
