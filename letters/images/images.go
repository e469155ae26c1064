// Package images turns exhibit images into something gofpdf can embed.
//
// gofpdf takes baseline or progressive JPEG (gray, YCbCr, CMYK) and 8-bit
// non-interlaced PNG; it rejects 16-bit and interlaced PNG, takes a slow
// path for PNG with alpha, ignores EXIF orientation and knows nothing of
// GIF, WebP, BMP or TIFF. Prepare bridges the gap:
//
//   - A JPEG in gray or YCbCr with no rotation (EXIF orientation 1 or none)
//     within the size limits, and an 8-bit non-interlaced gray, RGB or
//     palette PNG without transparency within the limits, are passed
//     through byte for byte (after a full decode to prove they are not
//     corrupt).
//   - Everything else is decoded (PNG 1–16-bit, interlaced, palette, alpha;
//     JPEG baseline, progressive, CMYK/YCCK; GIF (first frame); WebP lossy
//     and lossless; BMP; TIFF), EXIF orientation 1–8 is applied (JPEG),
//     transparency is composited onto white, 16-bit samples are reduced to
//     8, and the image is scaled down so neither side exceeds the limits
//     (aspect ratio kept; a triangle filter widened to the reduction, so
//     thin text strokes are averaged, never dropped; a JPEG is scaled in
//     YCbCr, plane by plane).
//   - The result is re-encoded as a JPEG of quality 90 when the source was
//     lossy (JPEG, lossy WebP) — a photo of a letter, a rotated phone shot —
//     and otherwise as an 8-bit non-interlaced PNG without alpha (gray or
//     RGB), which keeps screenshot text sharp. The choice follows the source
//     rather than trying both: PNG would not make a lossy source any better,
//     only several times bigger, and JPEG would blur the text of a
//     screenshot.
//
// CMYK and YCCK JPEGs are converted to RGB even when gofpdf could take them:
// most are stored inverted (the Adobe convention), gofpdf writes no /Decode
// array, and PDF viewers disagree on how to show such an image; Go's decoder
// undoes the inversion, so converting once gives the same colours everywhere.
package images

import (
	"bytes"
	"errors"
	"fmt"
	"image/jpeg"
	"runtime"
	"sync"
	"sync/atomic"
)

// Why an image could not be prepared; test with errors.Is. The error text
// says more ("corrupt PNG: png: invalid format: invalid checksum").
var (
	ErrNotImage    = errors.New("not an image")
	ErrUnsupported = errors.New("unsupported image")
	ErrCorrupt     = errors.New("corrupt")
	ErrTooLarge    = errors.New("image too large")
)

// MaxPixels is the largest image Prepare decodes (width × height), so that
// a hostile or broken header cannot make it allocate gigabytes. A 16-bit
// RGBA image of this size takes 800 MB to decode.
const MaxPixels = 100_000_000

// JPEGQuality is the quality of re-encoded JPEGs.
const JPEGQuality = 90

// Prepared is one image ready for gofpdf.
type Prepared struct {
	Data          []byte // bytes gofpdf can embed
	Type          string // "JPG" or "PNG" (gofpdf ImageOptions.ImageType)
	Width, Height int    // pixel size after orientation
	// PassedThrough reports that Data is the original bytes, unchanged: a
	// JPEG (or a PNG) gofpdf takes as it is.
	PassedThrough bool
}

// Prepare makes one image embeddable by gofpdf (see the package comment).
// Neither side of the result exceeds maxW × maxH pixels (a limit of zero or
// less means no limit on that side); callers pass about 300 dpi at the
// printed size. Errors wrap ErrNotImage, ErrUnsupported, ErrCorrupt or
// ErrTooLarge and say why.
func Prepare(data []byte, maxW, maxH int) (Prepared, error) {
	f, err := sniff(data)
	if err != nil {
		return Prepared{}, err
	}
	cfg, err := f.config(data)
	if err != nil {
		return Prepared{}, err
	}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return Prepared{}, fmt.Errorf("%w %s: size %d×%d", ErrCorrupt, f.name, cfg.Width, cfg.Height)
	}
	if int64(cfg.Width)*int64(cfg.Height) > MaxPixels {
		return Prepared{}, fmt.Errorf("%w: %s of %d×%d pixels (the limit is %d megapixels)",
			ErrTooLarge, f.name, cfg.Width, cfg.Height, MaxPixels/1_000_000)
	}

	orientation := 1
	if f.name == "JPEG" {
		orientation = jpegOrientation(data)
	}
	w, h := cfg.Width, cfg.Height
	if orientation >= 5 {
		w, h = h, w
	}
	tw, th := fit(w, h, maxW, maxH)
	resize := tw != w || th != h

	if !resize && orientation == 1 && passable(f, data, cfg) && intact(f, data) {
		// Embeddable as it is: checked structurally, not decoded.
		return Prepared{Data: data, Type: f.pdfType, Width: w, Height: h, PassedThrough: true}, nil
	}
	if !resize && f == fmtPNG && pngAlpha(data) && !pngHas(data, "tRNS") && intact(f, data) {
		// A screenshot with an alpha channel: rewritten row by row.
		out, err := transcodePNG(data)
		if err != nil {
			return Prepared{}, err
		}
		return Prepared{Data: out, Type: "PNG", Width: w, Height: h}, nil
	}
	img, err := f.decode(data)
	if err != nil {
		return Prepared{}, err
	}
	if b := img.Bounds(); b.Dx() != cfg.Width || b.Dy() != cfg.Height {
		// GIF: a first frame smaller than the logical screen.
		img = onCanvas(img, cfg.Width, cfg.Height)
	}
	if !resize && orientation == 1 && passable(f, data, cfg) {
		return Prepared{Data: data, Type: f.pdfType, Width: w, Height: h, PassedThrough: true}, nil
	}

	flat := flatten(img)
	if resize {
		sw, sh := tw, th // scale in stored orientation
		if orientation >= 5 {
			sw, sh = th, tw
		}
		flat = scale(flat, sw, sh)
	}
	flat = orient(flat, orientation)

	if f.lossy(data) {
		var buf bytes.Buffer
		buf.Grow(tw * th / 4)
		if err := jpeg.Encode(&buf, flat, &jpeg.Options{Quality: JPEGQuality}); err != nil {
			return Prepared{}, fmt.Errorf("encoding JPEG: %w", err)
		}
		return Prepared{Data: buf.Bytes(), Type: "JPG", Width: tw, Height: th}, nil
	}
	return Prepared{Data: writePNG(flat), Type: "PNG", Width: tw, Height: th}, nil
}

// PrepareAll prepares many images in parallel on all cores
// (runtime.GOMAXPROCS), preserving order: out[i] and errs[i] belong to
// items[i]. A failure affects only its own slot.
func PrepareAll(items [][]byte, maxW, maxH int) ([]Prepared, []error) {
	out := make([]Prepared, len(items))
	errs := make([]error, len(items))
	workers := min(runtime.GOMAXPROCS(0), len(items))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= len(items) {
					return
				}
				out[i], errs[i] = Prepare(items[i], maxW, maxH)
			}
		})
	}
	wg.Wait()
	return out, errs
}

// fit returns the size of a w×h image scaled down, aspect ratio kept, so
// that it fits maxW×maxH (a limit <= 0 is no limit). It never scales up.
func fit(w, h, maxW, maxH int) (int, int) {
	s := 1.0
	if maxW > 0 && w > maxW {
		s = float64(maxW) / float64(w)
	}
	if maxH > 0 && h > maxH {
		s = min(s, float64(maxH)/float64(h))
	}
	if s == 1 {
		return w, h
	}
	tw := max(1, int(float64(w)*s+0.5))
	th := max(1, int(float64(h)*s+0.5))
	if maxW > 0 {
		tw = min(tw, maxW)
	}
	if maxH > 0 {
		th = min(th, maxH)
	}
	return tw, th
}
