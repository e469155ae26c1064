package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Fyne 2.7 has no tooltips. Icon-only buttons here are tipButtons: while
// the mouse rests on one, its name is drawn just below it on a tip layer,
// a container of plain canvas objects stacked over the window content and
// over each dialog's content. Plain canvas objects take no events, so the
// layer never stands in the way of a click.

// tips holds the tip layers of each canvas, the innermost (the top dialog)
// last.
type tips struct {
	layers map[fyne.Canvas][]*fyne.Container
}

func newTips() *tips { return &tips{layers: map[fyne.Canvas][]*fyne.Container{}} }

// layer stacks a tip layer over a window's content and returns the stack.
func (t *tips) layer(c fyne.Canvas, content fyne.CanvasObject) fyne.CanvasObject {
	l := container.NewWithoutLayout()
	t.layers[c] = []*fyne.Container{l}
	return container.NewStack(content, l)
}

// forget drops the layers of a closed window.
func (t *tips) forget(c fyne.Canvas) { delete(t.layers, c) }

// push adds the tip layer of a dialog opening on c; pop removes it.
func (t *tips) push(c fyne.Canvas) *fyne.Container {
	t.hide()
	l := container.NewWithoutLayout()
	t.layers[c] = append(t.layers[c], l)
	return l
}

func (t *tips) pop(c fyne.Canvas, l *fyne.Container) {
	t.hide()
	ls := t.layers[c]
	for i := len(ls) - 1; i >= 0; i-- {
		if ls[i] == l {
			t.layers[c] = append(ls[:i], ls[i+1:]...)
			return
		}
	}
}

// show draws text under obj on the innermost layer of obj's canvas.
func (t *tips) show(obj fyne.CanvasObject, text string) {
	d := fyne.CurrentApp().Driver()
	c := d.CanvasForObject(obj)
	ls := t.layers[c]
	if c == nil || len(ls) == 0 || text == "" {
		return
	}
	l := ls[len(ls)-1]
	t.hide()
	label := canvas.NewText(text, theme.Color(theme.ColorNameForeground))
	label.TextSize = theme.CaptionTextSize()
	pad := theme.Padding()
	size := label.MinSize().Add(fyne.NewSize(2*pad, pad))
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameOverlayBackground))
	bg.StrokeColor = theme.Color(theme.ColorNameInputBorder)
	bg.StrokeWidth = 1
	bg.CornerRadius = theme.InputRadiusSize()
	pos := d.AbsolutePositionForObject(obj).Subtract(d.AbsolutePositionForObject(l)).Add(fyne.NewPos(0, obj.Size().Height+2))
	if avail := l.Size(); avail.Width > 0 {
		pos.X = max(0, min(pos.X, avail.Width-size.Width))
		if pos.Y+size.Height > avail.Height {
			pos.Y -= obj.Size().Height + size.Height + 4 // no room below: above
		}
	}
	bg.Resize(size)
	bg.Move(pos)
	label.Move(pos.Add(fyne.NewPos(pad, pad/2)))
	l.Objects = []fyne.CanvasObject{bg, label}
	l.Refresh()
}

// hide removes any tip shown.
func (t *tips) hide() {
	for _, ls := range t.layers {
		for _, l := range ls {
			if len(l.Objects) > 0 {
				l.Objects = nil
				l.Refresh()
			}
		}
	}
}

// tipButton is an icon-only button that names its action when hovered.
type tipButton struct {
	widget.Button
	tips *tips
	Tip  string
}

// iconButton makes an icon-only button with a tooltip.
func (u *UI) iconButton(icon fyne.Resource, tip string, tapped func()) *tipButton {
	b := &tipButton{tips: u.tips, Tip: tip}
	b.Icon = icon
	b.OnTapped = tapped
	b.ExtendBaseWidget(b)
	return b
}

// MouseIn shows the tip.
func (b *tipButton) MouseIn(e *desktop.MouseEvent) {
	b.Button.MouseIn(e)
	b.tips.show(b, b.Tip)
}

// MouseOut hides it.
func (b *tipButton) MouseOut() {
	b.Button.MouseOut()
	b.tips.hide()
}

// Tapped hides the tip and taps the button.
func (b *tipButton) Tapped(e *fyne.PointEvent) {
	b.tips.hide()
	b.Button.Tapped(e)
}
