package ui

import (
	"bytes"
	"context"
	"image"
	_ "image/gif" // decoders for thumbnails and the viewer
	_ "image/jpeg"
	_ "image/png"
	"io"
	"io/fs"
	"os"
	"strconv"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/image/draw"
	_ "golang.org/x/image/webp"

	"redress/evidence"
)

// thumbCache makes small previews of image attachments in the background
// and keeps them by SHA-256.
type thumbCache struct {
	u       *UI
	svc     attachmentReader
	mu      sync.Mutex
	images  map[string]image.Image
	loading map[string][]func()
}

const thumbSize = 96

func newThumbCache(u *UI, svc attachmentReader) *thumbCache {
	return &thumbCache{u: u, svc: svc, images: map[string]image.Image{}, loading: map[string][]func(){}}
}

// icon returns a size×size preview of an attachment: the picture when it
// is ready, else a file icon; ready is called (on the UI thread) once the
// picture has been made.
func (c *thumbCache) icon(a evidence.Attachment, size float32, ready func()) fyne.CanvasObject {
	box := fyne.NewSize(size, size)
	if !evidence.IsImage(a.MediaType) {
		return container.NewGridWrap(box, widget.NewIcon(kindIcon(evidence.KindDocument)))
	}
	c.mu.Lock()
	img, ok := c.images[a.SHA256]
	if !ok {
		waiting, started := c.loading[a.SHA256]
		if ready != nil {
			c.loading[a.SHA256] = append(waiting, ready)
		} else if !started {
			c.loading[a.SHA256] = nil
		}
		if !started {
			c.u.async(func(ctx context.Context) error { c.make(ctx, a); return nil }, func(error) {})
		}
	}
	c.mu.Unlock()
	if img == nil {
		return container.NewGridWrap(box, widget.NewIcon(kindIcon(evidence.KindScreenshot)))
	}
	ci := canvas.NewImageFromImage(img)
	ci.FillMode = canvas.ImageFillContain
	ci.ScaleMode = canvas.ImageScaleSmooth
	return container.NewGridWrap(box, ci)
}

func (c *thumbCache) make(ctx context.Context, a evidence.Attachment) {
	var thumb image.Image
	if data, _, err := c.svc.ReadAttachment(ctx, a.ID); err == nil {
		if src, _, err := image.Decode(bytes.NewReader(data)); err == nil {
			thumb = scaleDown(src, thumbSize)
		}
	}
	if thumb == nil {
		thumb = image.NewRGBA(image.Rect(0, 0, 1, 1)) // undecodable: remember, show the icon
	}
	c.mu.Lock()
	c.images[a.SHA256] = thumb
	waiting := c.loading[a.SHA256]
	delete(c.loading, a.SHA256)
	c.mu.Unlock()
	if len(waiting) > 0 {
		c.u.do(func() {
			for _, f := range waiting {
				f()
			}
		})
	}
}

// scaleDown fits src into max×max pixels, keeping its aspect ratio.
func scaleDown(src image.Image, max int) image.Image {
	b := src.Bounds()
	w, h := b.Dx(), b.Dy()
	if w <= max && h <= max {
		return src
	}
	if w >= h {
		h, w = h*max/w, max
	} else {
		w, h = w*max/h, max
	}
	dst := image.NewRGBA(image.Rect(0, 0, maxInt(w, 1), maxInt(h, 1)))
	draw.ApproxBiLinear.Scale(dst, dst.Bounds(), src, b, draw.Src, nil)
	return dst
}

func maxInt(a, b int) int {
	if a > b {
		return a
	}
	return b
}

// maxThumbFile is the largest picture file the picker decodes for a
// thumbnail; larger ones show an icon.
const maxThumbFile = 40 << 20

// file returns a size×size preview of a picture file on disk (for the
// file picker), made in the background and kept by path, size and
// modification time; ready is called once it is there.
func (c *thumbCache) file(path string, info fs.FileInfo, size float32, ready func()) fyne.CanvasObject {
	box := fyne.NewSize(size, size)
	placeholder := container.NewGridWrap(box, widget.NewIcon(kindIcon(evidence.KindScreenshot)))
	if info.Size() > maxThumbFile {
		return placeholder
	}
	key := "file:" + path + ":" + strconv.FormatInt(info.Size(), 10) + ":" + strconv.FormatInt(info.ModTime().UnixNano(), 10)
	c.mu.Lock()
	img, ok := c.images[key]
	if !ok {
		waiting, started := c.loading[key]
		if ready != nil {
			c.loading[key] = append(waiting, ready)
		} else if !started {
			c.loading[key] = nil
		}
		if !started {
			c.u.async(func(ctx context.Context) error { c.makeFile(key, path); return nil }, func(error) {})
		}
	}
	c.mu.Unlock()
	if img == nil || img.Bounds().Dx() <= 1 { // not ready, or not a picture Redress can read
		return placeholder
	}
	ci := canvas.NewImageFromImage(img)
	ci.FillMode = canvas.ImageFillContain
	ci.ScaleMode = canvas.ImageScaleSmooth
	return container.NewGridWrap(box, ci)
}

func (c *thumbCache) makeFile(key, path string) {
	var thumb image.Image
	if f, err := os.Open(path); err == nil {
		if cfg, _, err := image.DecodeConfig(f); err == nil && cfg.Width*cfg.Height <= 80e6 {
			f.Seek(0, io.SeekStart)
			if src, _, err := image.Decode(f); err == nil {
				thumb = scaleDown(src, thumbSize)
			}
		}
		f.Close()
	}
	if thumb == nil {
		thumb = image.NewRGBA(image.Rect(0, 0, 1, 1))
	}
	c.mu.Lock()
	c.images[key] = thumb
	waiting := c.loading[key]
	delete(c.loading, key)
	c.mu.Unlock()
	if len(waiting) > 0 {
		c.u.do(func() {
			for _, f := range waiting {
				f()
			}
		})
	}
}
