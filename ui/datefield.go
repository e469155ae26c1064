package ui

import (
	"strconv"
	"strings"
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
// It is not a widget: content (the entry and its buttons) goes in the form.
type dateField struct {
	entry    *entry
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
	pick := u.iconButton(theme.CalendarIcon(), u.T("ui.pick-date"), func() {
		start := u.clock.Now().In(u.clock.Location())
		if t, ok := d.parsed(u.clock.Location()); ok {
			start = t
		}
		cal := u.newCalendar(start, func(t time.Time) {
			if d.withTime {
				hm := "09:00"
				if cur, ok := d.parsed(u.clock.Location()); ok && strings.Contains(d.text(), ":") {
					hm = cur.Format("15:04")
				}
				d.setText(t.Format(evidence.DateLayout) + " " + hm)
			} else {
				d.setText(t.Format(evidence.DateLayout))
			}
			if popup != nil {
				popup.Hide()
			}
			u.focus(d.entry)
		})
		popup = widget.NewPopUp(cal, fyne.CurrentApp().Driver().CanvasForObject(d.entry))
		popup.ShowAtRelativePosition(fyne.NewPos(0, d.entry.Size().Height), d.entry)
	})
	buttons := []fyne.CanvasObject{pick}
	if withTime {
		buttons = append(buttons, widget.NewButton(u.T("ui.now"), func() {
			d.setText(u.clock.Now().In(u.clock.Location()).Format(timeLayout))
		}))
	}
	d.content = container.NewBorder(nil, nil, nil, container.NewHBox(buttons...), d.entry)
	return d
}

func (d *dateField) text() string     { return d.entry.Text }
func (d *dateField) setText(s string) { d.entry.SetText(s) }

// parsed reads the field as a date or a date and time.
func (d *dateField) parsed(loc *time.Location) (time.Time, bool) {
	s := strings.TrimSpace(d.text())
	if t, err := time.ParseInLocation(timeLayout, s, loc); err == nil {
		return t, true
	}
	if t, err := time.ParseInLocation(evidence.DateLayout, s, loc); err == nil {
		return t, true
	}
	return time.Time{}, false
}

// setTime shows t in local time (zero: empty).
func (d *dateField) setTime(t time.Time, loc *time.Location) {
	if t.IsZero() {
		d.setText("")
		return
	}
	d.setText(t.In(loc).Format(timeLayout))
}

// newCalendar is a month calendar in the interface language (Fyne's own
// calendar names months and weekdays in English only): a header with the
// month and arrows, the weekdays from Monday, and a button per day.
func (u *UI) newCalendar(start time.Time, picked func(time.Time)) fyne.CanvasObject {
	month := time.Date(start.Year(), start.Month(), 1, 0, 0, 0, 0, start.Location())
	label := widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	days := container.NewGridWithColumns(7)
	var show func()
	prev := u.iconButton(theme.NavigateBackIcon(), u.T("ui.month-previous"), func() { month = month.AddDate(0, -1, 0); show() })
	next := u.iconButton(theme.NavigateNextIcon(), u.T("ui.month-next"), func() { month = month.AddDate(0, 1, 0); show() })
	prev.Importance, next.Importance = widget.LowImportance, widget.LowImportance
	today := u.clock.Now().In(start.Location()).Format(evidence.DateLayout)
	show = func() {
		label.SetText(u.monthYear(month))
		objs := make([]fyne.CanvasObject, 0, 49)
		for _, w := range strings.Fields(u.T("ui.weekdays")) {
			l := widget.NewLabelWithStyle(w, fyne.TextAlignCenter, fyne.TextStyle{})
			l.Importance = widget.LowImportance
			objs = append(objs, l)
		}
		lead := (int(month.Weekday()) + 6) % 7 // Monday first
		for i := 0; i < lead; i++ {
			objs = append(objs, widget.NewLabel(""))
		}
		for d := month; d.Month() == month.Month(); d = d.AddDate(0, 0, 1) {
			d := d
			b := widget.NewButton(strconv.Itoa(d.Day()), func() { picked(d) })
			b.Importance = widget.LowImportance
			if d.Format(evidence.DateLayout) == today {
				b.Importance = widget.HighImportance
			}
			objs = append(objs, b)
		}
		days.Objects = objs
		days.Refresh()
	}
	show()
	return container.NewBorder(container.NewBorder(nil, nil, prev, next, label), nil, nil, nil, days)
}

// monthYear names a month in the interface language: "November 2026",
// "2026年11月".
func (u *UI) monthYear(t time.Time) string {
	names := strings.Fields(u.T("ui.months"))
	name := strconv.Itoa(int(t.Month()))
	if len(names) == 12 {
		name = names[t.Month()-1]
	}
	return u.T("ui.month-year", "month", name, "year", strconv.Itoa(t.Year()))
}
