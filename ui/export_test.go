package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"
)

// Test-only accessors: how tests read what panels show.

// errorText returns the error shown for key ("" when none).
func (f *form) errorText(key string) string {
	if fl := f.byKey[key]; fl != nil && fl.err.Visible() {
		return fl.err.Text
	}
	return ""
}

// titles returns the case titles shown, in order.
func (cl *caseList) titles() []string {
	var out []string
	for _, c := range cl.shown {
		out = append(out, c.Title)
	}
	return out
}

// detailText returns the labels and buttons of the selected-entry panel.
func (v *caseView) detailText() string {
	var b strings.Builder
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *widget.Label:
			b.WriteString(w.Text + "\n")
		case *widget.Button:
			b.WriteString("[" + w.Text + "]\n")
		case *fyne.Container:
			for _, c := range w.Objects {
				walk(c)
			}
		}
	}
	walk(v.detail)
	return b.String()
}

// storageURI is the file: URI of path.
func storageURI(path string) fyne.URI { return storage.NewFileURI(path) }
