package ui

import (
	"bytes"
	"context"
	"image"
	"io"
	"os"
	"path/filepath"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"redress/app"
	"redress/evidence"
	"redress/filename"
)

// attachmentReader reads a stored file's verified original bytes.
type attachmentReader interface {
	ReadAttachment(ctx context.Context, id string) ([]byte, evidence.Attachment, error)
}

// viewer shows one attachment at full resolution with zoom and pan, and
// the facts that prove it unchanged: SHA-256, size, original name, import time.
type viewer struct {
	u      *UI
	svc    attachmentReader
	a      evidence.Attachment
	data   []byte
	img    image.Image
	canvas *canvas.Image
	scroll *container.Scroll
	zoom   float32
	label  *widget.Label
	win    fyne.Window
	fit    bool
}

// ShowAttachment opens the viewer window for an attachment.
func (u *UI) ShowAttachment(a evidence.Attachment) { u.showAttachment(u.svc, a) }

func (u *UI) showAttachment(svc attachmentReader, a evidence.Attachment) *viewer {
	v := &viewer{u: u, svc: svc, a: a, zoom: 1, fit: true}
	v.win = u.fa.NewWindow(u.T("ui.viewer-title", "name", a.Name))
	v.label = widget.NewLabel("")
	v.win.SetContent(container.NewCenter(widget.NewProgressBarInfinite()))
	v.win.Resize(fyne.NewSize(960, 700))
	v.win.SetOnClosed(func() { u.tips.forget(v.win.Canvas()) })
	v.win.Canvas().SetOnTypedKey(func(ev *fyne.KeyEvent) {
		switch ev.Name {
		case fyne.KeyEscape:
			v.win.Close()
		case fyne.KeyPlus, fyne.KeyEqual:
			v.setZoom(v.zoom * 1.25)
		case fyne.KeyMinus:
			v.setZoom(v.zoom / 1.25)
		}
	})
	v.win.Show()
	u.async(func(ctx context.Context) (err error) {
		v.data, _, err = v.svc.ReadAttachment(ctx, a.ID) // verifies the SHA-256
		if err == nil && evidence.IsImage(a.MediaType) {
			v.img, _, _ = image.Decode(bytes.NewReader(v.data))
		}
		return err
	}, func(err error) {
		if err != nil {
			v.win.Close()
			u.showError(err)
			return
		}
		v.build()
	})
	return v
}

func (v *viewer) build() {
	u, a := v.u, v.a
	info := container.New(layout.NewFormLayout())
	add := func(key, val string, mono bool) {
		k := widget.NewLabelWithStyle(u.T(key), fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
		l := widget.NewLabelWithStyle(val, fyne.TextAlignLeading, fyne.TextStyle{Monospace: mono})
		l.Selectable = true
		l.Wrapping = fyne.TextWrapWord
		if mono {
			l.Wrapping = fyne.TextWrapBreak // a hash has no spaces to wrap at
		}
		info.Add(k)
		info.Add(l)
	}
	add("ui.original-name", a.Name, false)
	add("ui.sha256", a.SHA256, true)
	add("ui.size", sizeText(a.Size)+" ("+strconv.FormatInt(a.Size, 10)+" B)", false)
	add("ui.media-type", a.MediaType, false)
	if a.Width > 0 {
		add("ui.dimensions", strconv.Itoa(a.Width)+" × "+strconv.Itoa(a.Height), false)
	}
	add("ui.imported", u.when(a.Imported), false)
	verified := wrapped(u.T("ui.verified"))
	verified.Importance = widget.SuccessImportance
	save := widget.NewButtonWithIcon(u.T("ui.save-copy"), theme.DocumentSaveIcon(), v.saveCopy)
	openWith := widget.NewButtonWithIcon(u.T("ui.open-with"), theme.ComputerIcon(), v.openWith)
	side := container.NewVBox(info, verified, newWrap(save, openWith))
	var center fyne.CanvasObject
	if v.img == nil {
		msg := widget.NewLabel(u.T("ui.no-preview"))
		msg.Wrapping = fyne.TextWrapWord
		center = container.NewCenter(container.NewVBox(widget.NewIcon(theme.FileIcon()), msg))
	} else {
		v.canvas = canvas.NewImageFromImage(v.img)
		v.canvas.FillMode = canvas.ImageFillContain
		v.canvas.ScaleMode = canvas.ImageScaleSmooth
		pan := newPanner(v)
		v.scroll = container.NewScroll(pan)
		zoomIn := u.iconButton(theme.ZoomInIcon(), u.T("ui.zoom-in"), func() { v.setZoom(v.zoom * 1.25) })
		zoomOut := u.iconButton(theme.ZoomOutIcon(), u.T("ui.zoom-out"), func() { v.setZoom(v.zoom / 1.25) })
		fit := widget.NewButtonWithIcon(u.T("ui.fit"), theme.ZoomFitIcon(), func() { v.fitToWindow() })
		actual := widget.NewButton("100%", func() { v.fit = false; v.setZoom(1) })
		bar := newWrap(zoomOut, zoomIn, fit, actual, v.label)
		center = container.NewBorder(bar, nil, nil, nil, v.scroll)
	}
	split := container.NewHSplit(center, container.NewVScroll(container.NewPadded(side)))
	split.Offset = 0.62
	v.win.SetContent(u.tips.layer(v.win.Canvas(), split))
	if v.img != nil {
		v.fitToWindow()
	}
}

// fitToWindow scales the picture to the space it has.
func (v *viewer) fitToWindow() {
	v.fit = true
	b := v.img.Bounds()
	avail := v.scroll.Size()
	if avail.Width < 50 || avail.Height < 50 {
		avail = fyne.NewSize(640, 640)
	}
	z := min(avail.Width/float32(b.Dx()), avail.Height/float32(b.Dy()))
	v.setZoom(min(z, 1))
}

func (v *viewer) setZoom(z float32) {
	if v.img == nil {
		return
	}
	v.zoom = max(0.05, min(z, 8))
	b := v.img.Bounds()
	size := fyne.NewSize(float32(b.Dx())*v.zoom, float32(b.Dy())*v.zoom)
	v.canvas.SetMinSize(size)
	v.canvas.Resize(size)
	v.label.SetText(strconv.Itoa(int(v.zoom*100+0.5)) + "%")
	v.scroll.Refresh()
}

// saveCopy asks where to save a copy of the original bytes (under a name
// every system accepts) and writes it whole, replacing an existing file
// only once the copy is complete.
func (v *viewer) saveCopy() {
	u := v.u
	dir := u.lastFolder()
	u.saveDialogOn(v.win, dir, filepath.Join(dir, filename.Safe(v.a.Name, "attachment")), func(path string) {
		u.setLastFolder(filepath.Dir(path))
		v.writeCopy(path, func(string) {})
	})
}

// writeCopy writes the verified original bytes to path (app.SaveFile),
// then calls done with the absolute path; a failure is said in a dialog
// over the viewer.
func (v *viewer) writeCopy(path string, done func(abs string)) {
	u, data := v.u, v.data
	var abs string
	u.async(func(context.Context) (err error) {
		abs, err = app.SaveFile(path, func(w io.Writer) error {
			_, err := w.Write(data)
			return err
		})
		return err
	}, func(err error) {
		if err != nil {
			u.showErrorOn(v.win, err)
			return
		}
		done(abs)
	})
}

// openWith hands a copy of the file to the program the system uses for
// its type (the stored original stays untouched), saying in a dialog over
// the viewer when there is none.
func (v *viewer) openWith() {
	u := v.u
	path, err := openCopyPath(v.a.SHA256, filename.Safe(v.a.Name, "attachment"))
	if err != nil {
		u.showErrorOn(v.win, langError("file.cannot-write", "file", filepath.Join(os.TempDir(), v.a.Name)))
		return
	}
	v.writeCopy(path, func(abs string) {
		u.launch(abs, false, func(err error) { u.showErrorOn(v.win, err) })
	})
}

// panner holds the picture and pans the scroll container when dragged.
type panner struct {
	widget.BaseWidget
	v *viewer
}

func newPanner(v *viewer) *panner {
	p := &panner{v: v}
	p.ExtendBaseWidget(p)
	return p
}

func (p *panner) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewCenter(p.v.canvas))
}

func (p *panner) Dragged(ev *fyne.DragEvent) {
	s := p.v.scroll
	s.Offset = fyne.NewPos(s.Offset.X-ev.Dragged.DX, s.Offset.Y-ev.Dragged.DY)
	s.Refresh()
}

func (p *panner) DragEnd() {}
