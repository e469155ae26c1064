package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"redress/evidence"
)

// timeLayout is how times are typed in forms: local time, no offset.
const timeLayout = "2006-01-02 15:04"

// dateField is an entry for a date (YYYY-MM-DD) or a date and time
// (YYYY-MM-DD HH:MM) with a calendar button, and for times a "now" button.
type dateField struct {
	*entry
	withTime bool
	content  fyne.CanvasObject
}

func (u *UI) newDateField(withTime bool) *dateField {
	d := &dateField{withTime: withTime}
	place := u.T("ui.eg", "example", "2026-11-20")
	if withTime {
		place = u.T("ui.eg", "example", "2026-11-20 14:30")
	}
	d.entry = u.newEntry(place)
	var popup *widget.PopUp
	cal := widget.NewCalendar(time.Now(), func(t time.Time) {
		if d.withTime {
			hm := "09:00"
			if cur, err := time.ParseInLocation(timeLayout, d.Text, u.svc.Location()); err == nil {
				hm = cur.Format("15:04")
			}
			d.SetText(t.Format(evidence.DateLayout) + " " + hm)
		} else {
			d.SetText(t.Format(evidence.DateLayout))
		}
		if popup != nil {
			popup.Hide()
		}
	})
	pick := widget.NewButtonWithIcon("", theme.CalendarIcon(), func() {
		popup = widget.NewPopUp(cal, u.win.Canvas())
		popup.ShowAtRelativePosition(fyne.NewPos(0, d.entry.Size().Height), d.entry)
	})
	buttons := []fyne.CanvasObject{pick}
	if withTime {
		buttons = append(buttons, widget.NewButton(u.T("ui.now"), func() {
			d.SetText(u.svc.Now().In(u.svc.Location()).Format(timeLayout))
		}))
	}
	d.content = container.NewBorder(nil, nil, nil, container.NewHBox(buttons...), d.entry)
	return d
}

// setTime shows t in local time (zero: empty).
func (d *dateField) setTime(t time.Time, loc *time.Location) {
	if t.IsZero() {
		d.SetText("")
		return
	}
	d.SetText(t.In(loc).Format(timeLayout))
}
