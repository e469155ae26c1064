package images

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
)

var (
	red   = color.NRGBA{255, 0, 0, 255}
	green = color.NRGBA{0, 255, 0, 255}
	blue  = color.NRGBA{0, 0, 255, 255}
	wht   = color.NRGBA{255, 255, 255, 255}
)

// pattern draws the test pattern: red top-left, green top-right, blue
// bottom-left, white bottom-right. All eight EXIF orientations give a
// different picture of it.
func pattern(w, h int) *image.NRGBA {
	m := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			c := wht
			switch {
			case x < w/2 && y < h/2:
				c = red
			case y < h/2:
				c = green
			case x < w/2:
				c = blue
			}
			m.SetNRGBA(x, y, c)
		}
	}
	return m
}

// quadrants returns the colours at the centres of the four quadrants:
// top-left, top-right, bottom-left, bottom-right.
func quadrants(m image.Image) [4]color.NRGBA {
	b := m.Bounds()
	w, h := b.Dx(), b.Dy()
	var q [4]color.NRGBA
	for i, p := range []image.Point{{w / 4, h / 4}, {3 * w / 4, h / 4}, {w / 4, 3 * h / 4}, {3 * w / 4, 3 * h / 4}} {
		q[i] = color.NRGBAModel.Convert(m.At(b.Min.X+p.X, b.Min.Y+p.Y)).(color.NRGBA)
	}
	return q
}

func near(a, b color.NRGBA, tol int) bool {
	d := func(x, y uint8) bool { return abs(int(x)-int(y)) <= tol }
	return d(a.R, b.R) && d(a.G, b.G) && d(a.B, b.B) && d(a.A, b.A)
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// checkPattern asserts that m shows the test pattern (with colour
// tolerance tol, for lossy formats), or, when the want colours are given,
// those colours in its quadrants.
func checkPattern(t *testing.T, m image.Image, tol int, want ...color.NRGBA) {
	t.Helper()
	if want == nil {
		want = []color.NRGBA{red, green, blue, wht}
	}
	got := quadrants(m)
	for i := range got {
		if !near(got[i], want[i], tol) {
			t.Errorf("quadrant colours = %v, want %v (±%d)", got, want, tol)
			return
		}
	}
}

func encodePNG(t testing.TB, m image.Image) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, m); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func encodeJPEG(t testing.TB, m image.Image, q int) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := jpeg.Encode(&b, m, &jpeg.Options{Quality: q}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// rawPNG writes a non-interlaced PNG by hand, for what image/png will not
// write: an RGBA PNG whose alpha is all opaque (image/png drops it), or a
// header alone. pix holds the rows without filter bytes; nil writes no
// image data at all.
func rawPNG(w, h int, depth, colorType byte, pix []byte) []byte {
	var out bytes.Buffer
	out.WriteString("\x89PNG\r\n\x1a\n")
	chunk := func(typ string, data []byte) { writeChunk(&out, typ, data) }
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], uint32(w))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(h))
	ihdr[8], ihdr[9] = depth, colorType
	chunk("IHDR", ihdr)
	if pix != nil {
		var z bytes.Buffer
		zw := zlib.NewWriter(&z)
		stride := len(pix) / h
		for y := range h {
			zw.Write([]byte{0})
			zw.Write(pix[y*stride : (y+1)*stride])
		}
		zw.Close()
		chunk("IDAT", z.Bytes())
	}
	chunk("IEND", nil)
	return out.Bytes()
}

// opaqueRGBAPNG writes m as an 8-bit RGBA PNG (colour type 6) even though
// every pixel is opaque, as phones write screenshots.
func opaqueRGBAPNG(m *image.NRGBA) []byte {
	b := m.Bounds()
	return rawPNG(b.Dx(), b.Dy(), 8, 6, m.Pix)
}

// pngHeader returns bit depth, colour type and interlace method of a PNG.
func pngHeader(t *testing.T, data []byte) (depth, colorType, interlace byte) {
	t.Helper()
	if len(data) < 29 || string(data[:8]) != "\x89PNG\r\n\x1a\n" || string(data[12:16]) != "IHDR" {
		t.Fatalf("not a PNG: % x", data[:min(len(data), 16)])
	}
	return data[24], data[25], data[28]
}

// withEXIF inserts an APP1 EXIF segment holding orientation o (in IFD0,
// among other tags, in byte order bo) right after the SOI of a JPEG.
func withEXIF(jpg []byte, o uint16, bo binary.ByteOrder) []byte {
	var t bytes.Buffer
	if bo == binary.LittleEndian {
		t.WriteString("II")
	} else {
		t.WriteString("MM")
	}
	u16 := func(v uint16) { binary.Write(&t, bo, v) }
	u32 := func(v uint32) { binary.Write(&t, bo, v) }
	u16(42)
	u32(8) // IFD0 right after the header
	type entry struct {
		tag, typ uint16
		count    uint32
		value    uint32 // inline value or offset
	}
	const nEntries = 4
	dataAt := uint32(8 + 2 + nEntries*12 + 4)
	maker := []byte("Redress Test Camera\x00")
	entries := []entry{
		{0x010F, 2, uint32(len(maker)), dataAt}, // Make, ASCII, at an offset
		{0x0112, 3, 1, 0},                       // Orientation, SHORT (value set below)
		{0x011A, 5, 1, dataAt + uint32(len(maker))},
		{0x0131, 2, 4, 0x00313233}, // Software "321\0" inline
	}
	u16(nEntries)
	for _, e := range entries {
		u16(e.tag)
		u16(e.typ)
		u32(e.count)
		if e.tag == 0x0112 {
			u16(o) // a SHORT sits left-justified in the value field
			u16(0)
			continue
		}
		u32(e.value)
	}
	u32(0) // no next IFD
	t.Write(maker)
	u32(300) // XResolution 300/1
	u32(1)

	seg := append([]byte("Exif\x00\x00"), t.Bytes()...)
	app1 := []byte{0xFF, 0xE1, byte((len(seg) + 2) >> 8), byte(len(seg) + 2)}
	out := append([]byte{}, jpg[:2]...)
	out = append(out, app1...)
	out = append(out, seg...)
	return append(out, jpg[2:]...)
}

func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatalf("%v (regenerate with testdata/make.sh)", err)
	}
	return data
}

// Image transforms, written independently of orient, to build the stored
// pixels of an EXIF-oriented JPEG from the picture it should display.
func transform(m *image.NRGBA, f func(x, y, w, h int) (int, int), swap bool) *image.NRGBA {
	w, h := m.Rect.Dx(), m.Rect.Dy()
	ow, oh := w, h
	if swap {
		ow, oh = h, w
	}
	out := image.NewNRGBA(image.Rect(0, 0, ow, oh))
	for y := range h {
		for x := range w {
			nx, ny := f(x, y, w, h)
			out.SetNRGBA(nx, ny, m.NRGBAAt(x, y))
		}
	}
	return out
}

func flipH(m *image.NRGBA) *image.NRGBA {
	return transform(m, func(x, y, w, h int) (int, int) { return w - 1 - x, y }, false)
}
func flipV(m *image.NRGBA) *image.NRGBA {
	return transform(m, func(x, y, w, h int) (int, int) { return x, h - 1 - y }, false)
}
func rotCW(m *image.NRGBA) *image.NRGBA { // 90° clockwise
	return transform(m, func(x, y, w, h int) (int, int) { return h - 1 - y, x }, true)
}
func rotCCW(m *image.NRGBA) *image.NRGBA { // 90° counter-clockwise
	return transform(m, func(x, y, w, h int) (int, int) { return y, w - 1 - x }, true)
}
func transpose(m *image.NRGBA) *image.NRGBA {
	return transform(m, func(x, y, w, h int) (int, int) { return y, x }, true)
}

// stored returns the pixels a camera stores for orientation o so that a
// viewer honouring EXIF displays d: the viewer applies o's transform.
func stored(d *image.NRGBA, o int) *image.NRGBA {
	switch o {
	case 2: // viewer mirrors horizontally
		return flipH(d)
	case 3: // viewer rotates 180°
		return flipH(flipV(d))
	case 4: // viewer mirrors vertically
		return flipV(d)
	case 5: // viewer mirrors horizontally, then rotates 270° clockwise = transposes
		return transpose(d)
	case 6: // viewer rotates 90° clockwise
		return rotCCW(d)
	case 7: // viewer mirrors horizontally, then rotates 90° clockwise
		return flipH(flipV(transpose(d)))
	case 8: // viewer rotates 270° clockwise
		return rotCW(d)
	}
	return d
}

// screenshot draws something like a phone or desktop screenshot: flat
// backgrounds, a title bar, cards, lines of anti-aliased "glyphs" and a
// photo-like picture (as in a chat), so that it compresses about as well as
// a real one (a 1080x2340 one is about 1 MB as PNG).
func screenshot(w, h int) *image.NRGBA {
	r := rand.New(rand.NewPCG(1, 2))
	m := image.NewNRGBA(image.Rect(0, 0, w, h))
	for i := 0; i < len(m.Pix); i += 4 {
		m.Pix[i], m.Pix[i+1], m.Pix[i+2], m.Pix[i+3] = 246, 246, 248, 255
	}
	set := func(x, y int, c color.NRGBA) {
		if x >= 0 && y >= 0 && x < w && y < h {
			m.SetNRGBA(x, y, c)
		}
	}
	fill := func(x0, y0, x1, y1 int, c color.NRGBA) {
		for y := y0; y < y1; y++ {
			for x := x0; x < x1; x++ {
				set(x, y, c)
			}
		}
	}
	fill(0, 0, w, h/20, color.NRGBA{22, 119, 255, 255}) // title bar
	// A picture: a noisy gradient over a quarter of the screen.
	px0, py0, px1, py1 := w/8, h/3, 7*w/8, h/3+h/5
	for y := py0; y < py1; y++ {
		for x := px0; x < px1; x++ {
			n := r.IntN(24)
			set(x, y, color.NRGBA{uint8(80 + 120*(x-px0)/(px1-px0) + n), uint8(140 - 60*(y-py0)/(py1-py0) + n), uint8(90 + n), 255})
		}
	}
	for y := h / 15; y < h-40; y += 44 {
		if y > py0-44 && y < py1 {
			continue
		}
		if r.IntN(4) == 0 {
			fill(16, y, w-16, y+40, color.NRGBA{255, 255, 255, 255}) // a card
		}
		// A line of glyphs: strokes with anti-aliased edges.
		for x := 28; x < w-60; x += 18 + r.IntN(5) {
			if r.IntN(7) == 0 {
				continue // a space
			}
			for k := 0; k < 5; k++ {
				gx, gy := x+r.IntN(14), y+8+r.IntN(10)
				gw, gh := 1+r.IntN(4), 2+r.IntN(14)
				fill(gx, gy, gx+gw, gy+gh, color.NRGBA{34, 34, 40, 255})
				for e := gy; e < gy+gh; e++ { // edge pixels: partial coverage
					v := uint8(60 + r.IntN(180))
					set(gx-1, e, color.NRGBA{v, v, v + 4, 255})
					v = uint8(60 + r.IntN(180))
					set(gx+gw, e, color.NRGBA{v, v, v + 4, 255})
				}
			}
		}
	}
	return m
}

// photo draws something like a phone photo of a paper letter: smooth
// lighting, paper texture noise and lines of text.
func photo(w, h int) *image.RGBA {
	r := rand.New(rand.NewPCG(3, 4))
	m := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			l := 200 + 40*x/w - 30*y/h + r.IntN(12)
			if (y/40)%2 == 0 && (x/9)%7 != 0 && x > w/10 && x < 9*w/10 && r.IntN(3) > 0 {
				l = 60 + r.IntN(30)
			}
			i := m.PixOffset(x, y)
			m.Pix[i], m.Pix[i+1], m.Pix[i+2], m.Pix[i+3] = uint8(l), uint8(l-8), uint8(l-20), 255
		}
	}
	return m
}
