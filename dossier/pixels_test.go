package dossier

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"redress/evidence"
)

// TestDossierPicturesArePixelExact renders screenshots with an alpha
// channel — transparent corners (as image/png writes them), a translucent
// band, an opaque one, gray with alpha (rows with every PNG filter) —
// and reads the pictures back out of the PDF with poppler's pdfimages:
// every pixel must be the original composited onto white
// (c·a + 255·(255 − a), divided by 255, rounded), which is what the
// dossier has always shown, however the pixels are rewritten inside.
func TestDossierPicturesArePixelExact(t *testing.T) {
	pdfNeed(t, "pdfimages")
	shots := map[string]*image.NRGBA{
		"corners":     nrgba(300, 650, func(x, y int) uint8 { return cornerAlpha(x, y, 300, 650, 30) }),
		"translucent": nrgba(320, 500, func(x, y int) uint8 { return uint8(y / 2) }),
		"opaque":      nrgba(333, 401, func(x, y int) uint8 { return 255 }),
	}
	gray := image.NewNRGBA(image.Rect(0, 0, 200, 300)) // saved as gray with alpha below
	for y := range 300 {
		for x := range 200 {
			v := uint8(x ^ y)
			gray.SetNRGBA(x, y, color.NRGBA{v, v, v, uint8(255 - y/2)})
		}
	}
	d := pdfDossier(evidence.English)
	d.Exhibits = nil
	names := []string{"corners", "translucent", "opaque"}
	for i, name := range names {
		m := shots[name]
		data := testPNG(m.Rect.Dx(), m.Rect.Dy(), 6, m.Pix) // RGBA, every filter type
		if name == "corners" {
			var b bytes.Buffer // as image/png writes it: the filters it picks
			if err := png.Encode(&b, m); err != nil {
				t.Fatal(err)
			}
			data = b.Bytes()
		}
		d.Exhibits = append(d.Exhibits, pdfExhibitFile("E-"+string(rune('1'+i)), name+".png", "image/png",
			evidence.KindScreenshot, "ev-2", name, d.Events[1].At, data))
	}
	d.Exhibits = append(d.Exhibits, pdfExhibitFile("E-4", "gray.png", "image/png", evidence.KindScreenshot, "ev-2", "gray",
		d.Events[1].At, grayAlphaPNG(gray)))
	want := []*image.NRGBA{shots["corners"], shots["translucent"], shots["opaque"], gray}

	path, res, _ := pdfRender(t, d)
	if len(res.Problems) > 0 {
		t.Fatalf("problems: %+v", res.Problems)
	}
	dir := t.TempDir()
	pdfRun(t, "pdfimages", "-png", path, filepath.Join(dir, "x"))
	files, _ := filepath.Glob(filepath.Join(dir, "x-*.png"))
	sort.Strings(files)
	if len(files) != len(want) {
		t.Fatalf("pdfimages found %d pictures, want %d", len(files), len(want))
	}
	for i, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		got, err := png.Decode(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		src := want[i]
		if got.Bounds().Size() != src.Bounds().Size() {
			t.Fatalf("picture %d is %v, want %v", i+1, got.Bounds().Size(), src.Bounds().Size())
		}
		for y := range src.Rect.Dy() {
			for x := range src.Rect.Dx() {
				c := src.NRGBAAt(x, y)
				w := [3]uint8{onWhite(c.R, c.A), onWhite(c.G, c.A), onWhite(c.B, c.A)}
				r, g, bl, _ := got.At(x, y).RGBA()
				if g8 := [3]uint8{uint8(r >> 8), uint8(g >> 8), uint8(bl >> 8)}; g8 != w {
					t.Fatalf("picture %d (%s), pixel (%d,%d) = %v, want %v (%v on white)", i+1, d.Exhibits[i].Attachment.Name, x, y, g8, w, c)
				}
			}
		}
	}
}

func onWhite(c, a uint8) uint8 {
	return uint8((uint32(c)*uint32(a) + 255*(255-uint32(a)) + 127) / 255)
}

func nrgba(w, h int, alpha func(x, y int) uint8) *image.NRGBA {
	m := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			v := uint8(x*7 + y*3)
			if (x/9+y/13)%4 == 0 {
				v = uint8(x * y) // texture, so the encoder mixes its filters
			}
			m.SetNRGBA(x, y, color.NRGBA{v, uint8(y * 5), uint8(255 - x), alpha(x, y)})
		}
	}
	return m
}

// cornerAlpha is 0 outside rounded corners of radius r, else 255.
func cornerAlpha(x, y, w, h, r int) uint8 {
	cx, cy := min(x, w-1-x), min(y, h-1-y)
	if cx < r && cy < r && (r-cx)*(r-cx)+(r-cy)*(r-cy) > r*r {
		return 0
	}
	return 255
}

// grayAlphaPNG writes m's red channel and alpha as an 8-bit gray+alpha PNG
// (colour type 4), which image/png never writes.
func grayAlphaPNG(m *image.NRGBA) []byte {
	w, h := m.Rect.Dx(), m.Rect.Dy()
	pix := make([]byte, 0, w*h*2)
	for i := 0; i < len(m.Pix); i += 4 {
		pix = append(pix, m.Pix[i], m.Pix[i+3])
	}
	return testPNG(w, h, 4, pix)
}

// testPNG writes an 8-bit PNG of colour type ct from its unfiltered rows,
// each row filtered with type y mod 5 (None, Sub, Up, Average, Paeth).
func testPNG(w, h int, ct byte, pix []byte) []byte {
	bpp := map[byte]int{0: 1, 2: 3, 4: 2, 6: 4}[ct]
	stride := w * bpp
	var raw bytes.Buffer
	prev := make([]byte, stride)
	for y := range h {
		row := pix[y*stride : (y+1)*stride]
		ft := byte(y % 5)
		raw.WriteByte(ft)
		for i := range row {
			var a, c byte
			if i >= bpp {
				a, c = row[i-bpp], prev[i-bpp]
			}
			b := prev[i]
			var p byte
			switch ft {
			case 1:
				p = a
			case 2:
				p = b
			case 3:
				p = byte((int(a) + int(b)) / 2)
			case 4:
				p = specPaethByte(a, b, c)
			}
			raw.WriteByte(row[i] - p)
		}
		prev = row
	}
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	zw.Write(raw.Bytes())
	zw.Close()
	var out bytes.Buffer
	out.WriteString("\x89PNG\r\n\x1a\n")
	chunk := func(typ string, data []byte) {
		var n [4]byte
		binary.BigEndian.PutUint32(n[:], uint32(len(data)))
		out.Write(n[:])
		crc := crc32.NewIEEE()
		crc.Write([]byte(typ))
		crc.Write(data)
		out.WriteString(typ)
		out.Write(data)
		binary.BigEndian.PutUint32(n[:], crc.Sum32())
		out.Write(n[:])
	}
	var hdr [13]byte
	binary.BigEndian.PutUint32(hdr[0:], uint32(w))
	binary.BigEndian.PutUint32(hdr[4:], uint32(h))
	hdr[8], hdr[9] = 8, ct
	chunk("IHDR", hdr[:])
	chunk("IDAT", z.Bytes())
	chunk("IEND", nil)
	return out.Bytes()
}

func specPaethByte(a, b, c byte) byte {
	p := int(a) + int(b) - int(c)
	pa, pb, pc := abs(p-int(a)), abs(p-int(b)), abs(p-int(c))
	switch {
	case pa <= pb && pa <= pc:
		return a
	case pb <= pc:
		return b
	}
	return c
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
