package ui

import (
	"strconv"
	"strings"

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

// AcceptsTab is false even for notes boxes: Tab moves to the next field,
// as in every other form, instead of typing a tab character.
func (e *entry) AcceptsTab() bool { return false }

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
	for _, fl := range f.byKey {
		fl.err.SetText("")
		fl.err.Hide()
	}
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
		if _, isChoice := fieldInput(fl).(*choice); isChoice && fe.Reason == evidence.ReasonRequired {
			msg = f.u.T("ui.choose-required", "field", f.u.T("field."+fe.Field)) // "请选择问题类型", not "请填写"
		}
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

// fieldInput is the input of a field (nil for none).
func fieldInput(fl *field) fyne.CanvasObject {
	if fl == nil {
		return nil
	}
	return fl.obj
}

// formState is everything typed or chosen in the inputs under o, to tell
// whether a form was changed since it opened.
func formState(o fyne.CanvasObject) string {
	var b strings.Builder
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *entry:
			b.WriteString(w.Text)
		case *widget.SelectEntry:
			b.WriteString(w.Text)
		case *choice:
			b.WriteString(w.Selected)
		case *widget.Check:
			b.WriteString(strconv.FormatBool(w.Checked))
		case *container.Scroll:
			walk(w.Content)
		case *fyne.Container:
			for _, c := range w.Objects {
				walk(c)
			}
		case *widget.Form:
			for _, it := range w.Items {
				walk(it.Widget)
			}
		default:
			return
		}
		b.WriteByte(0)
	}
	walk(o)
	return b.String()
}

// choice is a Select that shows translated labels for stored values. It
// embeds the Select by value and extends its base widget, so the driver
// knows the choice itself as the widget in the window: the Select's popup
// looks up the canvas of that object (a wrapper holding a *widget.Select
// placed in the window instead made the popup find no canvas and panic).
type choice struct {
	widget.Select
	u      *UI
	values []string
	labels []string
}

func (u *UI) newChoice(group string, values []string, initial string) *choice {
	c := &choice{u: u, values: values}
	for _, v := range values {
		c.labels = append(c.labels, u.l.Label(group, v))
	}
	c.Options = c.labels
	c.PlaceHolder = u.T("ui.choose")
	c.ExtendBaseWidget(c)
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

// TypedKey passes Esc to the open dialog, as entry does: a focused Select
// otherwise keeps it.
func (c *choice) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape && c.u.escape != nil {
		c.u.escape()
		return
	}
	c.Select.TypedKey(ev)
}

// setQuietly sets the value without calling OnChanged: for values the form
// fills in itself, as opposed to the user's choices.
func (c *choice) setQuietly(v string) {
	f := c.OnChanged
	c.OnChanged = nil
	c.set(v)
	c.OnChanged = f
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
