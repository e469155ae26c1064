package ui

import (
	"context"
	"io"
	"os"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"redress/app"
	"redress/evidence"
)

// holidayCalendar is what the holiday calendars use.
type holidayCalendar interface {
	Holidays(ctx context.Context, j evidence.Jurisdiction) ([]app.Holiday, error)
	ImportHolidays(ctx context.Context, j evidence.Jurisdiction, r io.Reader) (int, error)
	SetHoliday(ctx context.Context, j evidence.Jurisdiction, h app.Holiday, remove bool) error
}

// holidaysPanel edits the holidays and make-up working days of one
// jurisdiction's business-day calendar, and imports iCalendar files.
type holidaysPanel struct {
	u       *UI
	svc     holidayCalendar
	content fyne.CanvasObject
	j       *choice
	list    *fyne.Container
	day     *dateField
	name    *entry
	work    *widget.Check
	days    []app.Holiday
}

func (u *UI) holidaysSection(svc holidayCalendar, j evidence.Jurisdiction) *holidaysPanel {
	p := &holidaysPanel{u: u, svc: svc, list: container.NewVBox()}
	p.j = u.newChoice("jurisdiction", stringsOf(evidence.Jurisdictions), string(j))
	p.j.OnChanged = func(string) {
		p.name.SetPlaceHolder(u.T("ui.day-name-" + strings.ToLower(p.j.value())))
		p.reload()
	}
	p.day = u.newDateField(false)
	p.name = u.newEntry(u.T("ui.day-name-" + strings.ToLower(string(j))))
	p.work = widget.NewCheck(u.T("ui.working-day"), nil)
	add := widget.NewButtonWithIcon(u.T("ui.add-day"), theme.ContentAddIcon(), p.add)
	imp := widget.NewButtonWithIcon(u.T("ui.import-ics"), theme.DownloadIcon(), func() {
		u.openFile([]string{".ics"}, p.importFile)
	})
	p.reload()
	p.content = container.NewVBox(p.j, p.list, container.NewGridWithColumns(2, p.day.content, p.name),
		newWrap(p.work, add, imp))
	return p
}

func (p *holidaysPanel) jurisdiction() evidence.Jurisdiction {
	return evidence.Jurisdiction(p.j.value())
}

func (p *holidaysPanel) reload() {
	u := p.u
	j := p.jurisdiction()
	var days []app.Holiday
	u.async(func(ctx context.Context) (err error) {
		days, err = p.svc.Holidays(ctx, j)
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
			del := u.iconButton(theme.DeleteIcon(), u.T("ui.remove-day"), func() {
				u.async(func(ctx context.Context) error { return p.svc.SetHoliday(ctx, j, d, true) }, func(err error) {
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
	h := app.Holiday{Day: strings.TrimSpace(p.day.text()), Name: p.name.Text, Working: p.work.Checked}
	j := p.jurisdiction()
	u.async(func(ctx context.Context) error { return p.svc.SetHoliday(ctx, j, h, false) }, func(err error) {
		if err != nil {
			u.showError(err)
			return
		}
		p.day.setText("")
		p.name.SetText("")
		p.work.SetChecked(false)
		p.reload()
	})
}

func (p *holidaysPanel) importFile(path string) {
	u := p.u
	j := p.jurisdiction()
	var n int
	u.async(func(ctx context.Context) error {
		f, err := os.Open(path)
		if err != nil {
			return langError("file.unreadable", "file", path)
		}
		defer f.Close()
		n, err = p.svc.ImportHolidays(ctx, j, f)
		return err
	}, func(err error) {
		if err != nil {
			u.showError(err)
			return
		}
		p.reload()
		u.notice(u.T("ui.holidays"), u.N("ui.holidays-imported", n))
	})
}
