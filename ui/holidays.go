package ui

import (
	"os"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"redress/app"
	"redress/evidence"
)

// holidaysPanel edits the holidays and make-up working days of one
// jurisdiction's business-day calendar, and imports iCalendar files.
type holidaysPanel struct {
	u    *UI
	j    *choice
	list *fyne.Container
	day  *dateField
	name *entry
	work *widget.Check
	days []app.Holiday
}

func (u *UI) holidaysSection() fyne.CanvasObject {
	p := &holidaysPanel{u: u, list: container.NewVBox()}
	u.lastHolidays = p
	p.j = u.newChoice("jurisdiction", stringsOf(evidence.Jurisdictions), string(evidence.CN))
	p.j.OnChanged = func(string) { p.reload() }
	p.day = u.newDateField(false)
	p.name = u.newEntry(u.T("ui.day-name"))
	p.work = widget.NewCheck(u.T("ui.working-day"), nil)
	add := widget.NewButtonWithIcon(u.T("ui.add-day"), theme.ContentAddIcon(), p.add)
	imp := widget.NewButtonWithIcon(u.T("ui.import-ics"), theme.DownloadIcon(), func() {
		u.openFile([]string{".ics"}, p.importFile)
	})
	p.reload()
	return container.NewVBox(p.j, p.list, container.NewGridWithColumns(2, p.day.content, p.name),
		container.NewHBox(p.work, add), imp)
}

func (p *holidaysPanel) jurisdiction() evidence.Jurisdiction {
	return evidence.Jurisdiction(p.j.value())
}

func (p *holidaysPanel) reload() {
	u := p.u
	j := p.jurisdiction()
	var days []app.Holiday
	u.async(func() (err error) {
		days, err = u.svc.Holidays(u.ctx, j)
		return err
	}, func(err error) {
		if err != nil {
			u.showError(err)
			return
		}
		p.days = days
		p.list.Objects = nil
		if len(days) == 0 {
			p.list.Add(wrapped(u.T("ui.holidays-none")))
		}
		for _, d := range days {
			d := d
			text := d.Day + "  " + d.Name
			if d.Working {
				text += " (" + u.T("ui.working-day") + ")"
			}
			del := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() {
				u.async(func() error { return u.svc.SetHoliday(u.ctx, j, d, true) }, func(err error) {
					if err != nil {
						u.showError(err)
					}
					p.reload()
				})
			})
			p.list.Add(container.NewBorder(nil, nil, nil, del, widget.NewLabel(text)))
		}
		p.list.Refresh()
	})
}

func (p *holidaysPanel) add() {
	u := p.u
	h := app.Holiday{Day: p.day.Text, Name: p.name.Text, Working: p.work.Checked}
	j := p.jurisdiction()
	u.async(func() error { return u.svc.SetHoliday(u.ctx, j, h, false) }, func(err error) {
		if err != nil {
			u.showError(err)
			return
		}
		p.day.SetText("")
		p.name.SetText("")
		p.work.SetChecked(false)
		p.reload()
	})
}

func (p *holidaysPanel) importFile(path string) {
	u := p.u
	j := p.jurisdiction()
	var n int
	u.async(func() error {
		f, err := os.Open(path)
		if err != nil {
			return langError("file.unreadable", "file", path)
		}
		defer f.Close()
		n, err = u.svc.ImportHolidays(u.ctx, j, f)
		return err
	}, func(err error) {
		if err != nil {
			u.showError(err)
			return
		}
		p.reload()
		u.notice(u.T("ui.holidays"), u.T("ui.holidays-imported", "n", itoa(n)))
	})
}

func itoa(n int) string { return strconv.Itoa(n) }
