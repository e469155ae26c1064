package screen

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"image/gif"
	"image/png"
	"testing"

	"golang.org/x/image/bmp"
)

func TestClipFromImage(t *testing.T) {
	img := image.NewRGBA(image.Rect(0, 0, 3, 2))
	img.Pix[0], img.Pix[3] = 200, 255
	enc := func(f func(*bytes.Buffer) error) []byte {
		var b bytes.Buffer
		if err := f(&b); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	pngData := enc(func(b *bytes.Buffer) error { return png.Encode(b, img) })
	bmpData := enc(func(b *bytes.Buffer) error { return bmp.Encode(b, img) })
	gifData := enc(func(b *bytes.Buffer) error { return gif.Encode(b, img, nil) })
	tests := []struct {
		name, from string
		data       []byte
		converted  bool
		fails      bool
	}{
		{"PNG kept", "image/png", pngData, false, false},
		{"BMP converted", "image/bmp", bmpData, true, false},
		{"GIF converted", "image/gif", gifData, true, false},
		{"PNG that is not", "image/png", []byte("not a png"), false, true},
		{"BMP that is not", "image/bmp", []byte("BMnot"), false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clip, err := clipFromImage(tt.data, tt.from)
			if (err != nil) != tt.fails {
				t.Fatalf("clipFromImage(%s) error = %v, want failure %v", tt.from, err, tt.fails)
			}
			if tt.fails {
				return
			}
			if clip.Converted != tt.converted || clip.From != tt.from || !bytes.Equal(clip.Received, tt.data) {
				t.Errorf("clipFromImage(%s) = converted %v from %q, want converted %v, received bytes kept", tt.from, clip.Converted, clip.From, tt.converted)
			}
			if !tt.converted && !bytes.Equal(clip.PNG, tt.data) {
				t.Errorf("clipFromImage(%s) changed the PNG bytes", tt.from)
			}
			got, err := png.Decode(bytes.NewReader(clip.PNG))
			if err != nil || got.Bounds() != img.Bounds() {
				t.Errorf("clipFromImage(%s).PNG decodes to %v, %v; want %v", tt.from, got.Bounds(), err, img.Bounds())
			}
		})
	}
}

func TestTrimPNG(t *testing.T) {
	var b bytes.Buffer
	png.Encode(&b, image.NewGray(image.Rect(0, 0, 2, 2)))
	exact := b.Bytes()
	padded := append(append([]byte{}, exact...), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
	for _, tt := range []struct {
		name string
		in   []byte
		want []byte
	}{
		{"padded", padded, exact},
		{"exact", exact, exact},
		{"truncated", exact[:20], exact[:20]},
	} {
		if got := trimPNG(tt.in); !bytes.Equal(got, tt.want) {
			t.Errorf("trimPNG(%s) = %d bytes, want %d", tt.name, len(got), len(tt.want))
		}
	}
}

func TestClipText(t *testing.T) {
	tests := []struct {
		in, target, want string
		ok               bool
	}{
		{"退款 ✓", "UTF8_STRING", "退款 ✓", true},
		{"caf\xe9", "STRING", "café", true},
		{"bad\xff", "UTF8_STRING", "bad\uFFFD", true},
		{"text\x00", "UTF8_STRING", "text", true},
		{" \n\t", "UTF8_STRING", " \n\t", false},
	}
	for _, tt := range tests {
		got, ok := clipText([]byte(tt.in), tt.target)
		if got != tt.want || ok != tt.ok {
			t.Errorf("clipText(%q, %s) = %q, %v; want %q, %v", tt.in, tt.target, got, ok, tt.want, tt.ok)
		}
	}
}

// dib builds a CF_DIB: a header of hdr bytes, then extra (masks or a
// colour table), then rows of pixels, bottom-up unless topDown.
func dib(hdr uint32, w, h int, bpp, compression uint16, extra []byte, topDown bool, px func(x, y int) []byte) []byte {
	b := make([]byte, hdr)
	le := binary.LittleEndian
	le.PutUint32(b, hdr)
	le.PutUint32(b[4:], uint32(w))
	hh := int32(h)
	if topDown {
		hh = -hh
	}
	le.PutUint32(b[8:], uint32(hh))
	le.PutUint16(b[12:], 1)
	le.PutUint16(b[14:], bpp)
	le.PutUint32(b[16:], uint32(compression))
	b = append(b, extra...)
	stride := (w*int(bpp)/8 + 3) &^ 3
	for r := 0; r < h; r++ {
		y := h - 1 - r
		if topDown {
			y = r
		}
		row := make([]byte, 0, stride)
		for x := 0; x < w; x++ {
			row = append(row, px(x, y)...)
		}
		b = append(b, append(row, make([]byte, stride-len(row))...)...)
	}
	return b
}

func TestDIBToPNG(t *testing.T) {
	const w, h = 5, 3
	want := func(x, y int) color.NRGBA { return color.NRGBA{uint8(40 * x), uint8(80 * y), 200, 255} }
	bgr := func(x, y int) []byte { c := want(x, y); return []byte{c.B, c.G, c.R} }
	bgr0 := func(x, y int) []byte { return append(bgr(x, y), 0) } // alpha byte left zero
	masks := []byte{0, 0, 0xff, 0, 0, 0xff, 0, 0, 0xff, 0, 0, 0}
	v5 := dib(124, w, h, 32, 3, nil, false, bgr0)
	for i, m := range []uint32{0xff0000, 0xff00, 0xff, 0xff000000} {
		binary.LittleEndian.PutUint32(v5[40+4*i:], m)
	}
	tests := []struct {
		name string
		dib  []byte
	}{
		{"24-bit bottom-up", dib(40, w, h, 24, 0, nil, false, bgr)},
		{"24-bit top-down", dib(40, w, h, 24, 0, nil, true, bgr)},
		{"32-bit with zero alpha (Print Screen)", dib(40, w, h, 32, 0, nil, false, bgr0)},
		{"32-bit BI_BITFIELDS with masks after the header", dib(40, w, h, 32, 3, masks, false, bgr0)},
		{"V5 header with an alpha mask and zero alpha (CF_DIBV5)", v5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := dibToPNG(tt.dib)
			if err != nil {
				t.Fatalf("dibToPNG error %v", err)
			}
			img, err := png.Decode(bytes.NewReader(out))
			if err != nil || img.Bounds() != image.Rect(0, 0, w, h) {
				t.Fatalf("dibToPNG gave %v, %v; want a %dx%d PNG", img.Bounds(), err, w, h)
			}
			for y := 0; y < h; y++ {
				for x := 0; x < w; x++ {
					if got := color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA); got != want(x, y) {
						t.Fatalf("dibToPNG pixel (%d,%d) = %v, want %v", x, y, got, want(x, y))
					}
				}
			}
		})
	}
	for _, bad := range [][]byte{nil, make([]byte, 39), append([]byte{12, 0, 0, 0}, make([]byte, 60)...)} {
		if _, err := dibToPNG(bad); err == nil {
			t.Errorf("dibToPNG(%d bytes of garbage) gave no error", len(bad))
		}
	}
}
