package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"redress/evidence"
)

// entry is a text entry that passes Esc to the open dialog, since a focused
// Fyne entry otherwise swallows it.
type entry struct {
	widget.Entry
	u *UI
}

func (u *UI) newEntry(placeholder string) *entry {
	e := &entry{u: u}
	e.ExtendBaseWidget(e)
	e.PlaceHolder = placeholder
	e.Wrapping = fyne.TextWrapOff
	return e
}

func (u *UI) newMultiline(placeholder string, rows int) *entry {
	e := u.newEntry(placeholder)
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.SetMinRowsVisible(rows)
	return e
}

func (e *entry) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape && e.u.escape != nil {
		e.u.escape()
		return
	}
	e.Entry.TypedKey(ev)
}

// field is one labelled input with room for its error message underneath.
type field struct {
	key   string
	label string
	obj   fyne.CanvasObject
	err   *widget.Label
}

// form lays out fields and shows validation errors next to the field they
// name (evidence.FieldError.Field), or at the top when no field matches.
type form struct {
	u       *UI
	fields  []*field
	byKey   map[string]*field
	general *widget.Label
}

func (u *UI) newForm() *form {
	g := widget.NewLabel("")
	g.Importance = widget.DangerImportance
	g.Wrapping = fyne.TextWrapWord
	g.Hide()
	return &form{u: u, byKey: map[string]*field{}, general: g}
}

// add adds a field; aliases are other error keys shown on the same field
// (the currency next to the amount).
func (f *form) add(key, label string, obj fyne.CanvasObject, aliases ...string) *field {
	l := widget.NewLabel("")
	l.Importance = widget.DangerImportance
	l.Wrapping = fyne.TextWrapWord
	l.Hide()
	fl := &field{key: key, label: label, obj: obj, err: l}
	f.fields = append(f.fields, fl)
	f.byKey[key] = fl
	for _, a := range aliases {
		f.byKey[a] = fl
	}
	return fl
}

func (f *form) content() fyne.CanvasObject {
	w := widget.NewForm()
	for _, fl := range f.fields {
		w.Append(fl.label, container.NewVBox(fl.obj, fl.err))
	}
	return container.NewVBox(f.general, w)
}

func (f *form) clear() {
	f.general.Hide()
	for _, fl := range f.fields {
		fl.err.SetText("")
		fl.err.Hide()
	}
}

// show displays err: field errors next to their fields, anything else at
// the top of the form. The form keeps everything typed.
func (f *form) show(err error) {
	f.clear()
	if err == nil {
		return
	}
	fields := evidence.Fields(err)
	if len(fields) == 0 {
		f.general.SetText(f.u.l.Err(err))
		f.general.Show()
		return
	}
	var unplaced []string
	for _, fe := range fields {
		fl := f.byKey[fe.Field]
		msg := f.u.l.Field(fe)
		if fl == nil {
			unplaced = append(unplaced, msg)
			continue
		}
		if fl.err.Text != "" {
			msg = fl.err.Text + " " + msg
		}
		fl.err.SetText(msg)
		fl.err.Show()
	}
	if len(unplaced) > 0 {
		text := ""
		for i, m := range unplaced {
			if i > 0 {
				text += " "
			}
			text += m
		}
		f.general.SetText(text)
		f.general.Show()
	}
}

// errorText returns the error shown for key ("" when none), for tests.
func (f *form) errorText(key string) string {
	if fl := f.byKey[key]; fl != nil && fl.err.Visible() {
		return fl.err.Text
	}
	return ""
}

// choice is a Select that shows translated labels for stored values.
type choice struct {
	*widget.Select
	values []string
	labels []string
}

func (u *UI) newChoice(group string, values []string, initial string) *choice {
	c := &choice{values: values}
	for _, v := range values {
		c.labels = append(c.labels, u.l.Label(group, v))
	}
	c.Select = widget.NewSelect(c.labels, nil)
	c.PlaceHolder = u.T("ui.choose")
	c.set(initial)
	return c
}

func (c *choice) value() string {
	for i, l := range c.labels {
		if l == c.Selected {
			return c.values[i]
		}
	}
	return ""
}

func (c *choice) set(v string) {
	for i, val := range c.values {
		if val == v {
			c.SetSelected(c.labels[i])
			return
		}
	}
	c.ClearSelected()
}

func stringsOf[T ~string](vs []T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = string(v)
	}
	return out
}
