package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
)

// wrapLayout places objects in a row and wraps them onto more rows when
// the row is too narrow, so a toolbar never makes its window wider: its
// minimum width is its widest object. (Fyne's row-wrap layout reports the
// width of its last layout as its minimum, which keeps a window from ever
// getting narrower again.) Its minimum height is that of the rows needed
// at the width it was last given.
type wrapLayout struct {
	height float32 // at the last width laid out
	box    *fyne.Container
}

// newWrap makes a container of objects that wrap onto more rows.
func newWrap(objects ...fyne.CanvasObject) *fyne.Container {
	l := &wrapLayout{}
	l.box = container.New(l, objects...)
	return l.box
}

func (l *wrapLayout) rows(objects []fyne.CanvasObject, width float32, place bool) float32 {
	pad := theme.Padding()
	var rowH float32
	for _, o := range objects {
		if o.Visible() {
			rowH = max(rowH, o.MinSize().Height)
		}
	}
	x, y := float32(0), float32(0)
	first := true
	for _, o := range objects {
		if !o.Visible() {
			continue
		}
		s := o.MinSize()
		if !first && x+s.Width > width {
			x, y = 0, y+rowH+pad
		}
		first = false
		if place {
			o.Resize(fyne.NewSize(s.Width, rowH))
			o.Move(fyne.NewPos(x, y))
		}
		x += s.Width + pad
	}
	if first {
		return 0
	}
	return y + rowH
}

func (l *wrapLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	h := l.rows(objects, size.Width, true)
	if h != l.height {
		l.height = h
		if l.box != nil {
			// The parent reads the new minimum height on its next layout.
			fyne.Do(func() { l.box.Refresh() })
		}
	}
}

func (l *wrapLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var w, h float32
	for _, o := range objects {
		if o.Visible() {
			s := o.MinSize()
			w = max(w, s.Width)
			h = max(h, s.Height)
		}
	}
	return fyne.NewSize(w, max(h, l.height))
}
