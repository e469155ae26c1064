package images

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"strings"
	"testing"

	"golang.org/x/image/bmp"
	"golang.org/x/image/tiff"
)

// checkPrepared asserts what every successful Prepare must give: Data
// decodes with the standard decoders to the announced type and size, a PNG
// is 8-bit and not interlaced, a re-encoded PNG has no alpha channel.
func checkPrepared(t *testing.T, p Prepared) image.Image {
	t.Helper()
	var m image.Image
	var err error
	switch p.Type {
	case "PNG":
		depth, ct, interlace := pngHeader(t, p.Data)
		if depth != 8 || interlace != 0 {
			t.Errorf("PNG bit depth %d, interlace %d; want 8, 0", depth, interlace)
		}
		if ct != 0 && ct != 2 && !(ct == 3 && p.PassedThrough) {
			t.Errorf("PNG colour type %d, want 0 (gray) or 2 (RGB): no alpha channel", ct)
		}
		m, err = png.Decode(bytes.NewReader(p.Data))
	case "JPG":
		if !bytes.HasPrefix(p.Data, []byte{0xFF, 0xD8, 0xFF}) {
			t.Errorf("Type JPG but data starts % x", p.Data[:4])
		}
		var cfg image.Config
		if cfg, err = jpeg.DecodeConfig(bytes.NewReader(p.Data)); err == nil &&
			cfg.ColorModel != color.YCbCrModel && cfg.ColorModel != color.GrayModel {
			t.Errorf("JPEG colour model %v, want YCbCr or gray", cfg.ColorModel)
		}
		m, err = jpeg.Decode(bytes.NewReader(p.Data))
	default:
		t.Fatalf("Type = %q, want JPG or PNG", p.Type)
	}
	if err != nil {
		t.Fatalf("the prepared %s does not decode: %v", p.Type, err)
	}
	if b := m.Bounds(); b.Dx() != p.Width || b.Dy() != p.Height {
		t.Errorf("decoded size %dx%d, Prepared says %dx%d", b.Dx(), b.Dy(), p.Width, p.Height)
	}
	return m
}

func TestPrepare(t *testing.T) {
	pat := pattern(64, 48)
	translucent := half(pattern(64, 48))    // the pattern at 50% opacity
	pink := color.NRGBA{255, 127, 127, 255} // red at 50% over white
	gray := image.NewGray(pat.Rect)
	gray16 := image.NewGray16(pat.Rect)
	rgba64 := image.NewRGBA64(pat.Rect)
	nrgba64 := image.NewNRGBA64(pat.Rect)
	for y := range 48 {
		for x := range 64 {
			c := pat.NRGBAAt(x, y)
			gray.Set(x, y, c)
			gray16.Set(x, y, c)
			rgba64.Set(x, y, c)
			nrgba64.Set(x, y, translucent.NRGBAAt(x, y))
		}
	}
	grayQ := []color.NRGBA{{76, 76, 76, 255}, {150, 150, 150, 255}, {29, 29, 29, 255}, wht}

	paletted := func(n int, transparent bool) *image.Paletted {
		pal := color.Palette{red, green, blue, wht}
		for len(pal) < n {
			pal = append(pal, color.NRGBA{uint8(len(pal)), 1, 2, 255})
		}
		if transparent {
			pal[3] = color.NRGBA{0, 0, 0, 0} // the white quadrant becomes transparent
		}
		m := image.NewPaletted(pat.Rect, pal)
		for y := range 48 {
			for x := range 64 {
				m.SetColorIndex(x, y, uint8(color.Palette{red, green, blue, wht}.Index(pat.At(x, y))))
			}
		}
		return m
	}
	gifOf := func(m image.Image) []byte {
		var b bytes.Buffer
		if err := gif.Encode(&b, m, nil); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	// A GIF whose first frame covers only the top half of its 64x48 screen.
	gifFrame := func() []byte {
		top := image.NewPaletted(image.Rect(0, 0, 64, 24), color.Palette{red, green})
		for y := range 24 {
			for x := 32; x < 64; x++ {
				top.SetColorIndex(x, y, 1)
			}
		}
		var b bytes.Buffer
		if err := gif.EncodeAll(&b, &gif.GIF{
			Image: []*image.Paletted{top}, Delay: []int{0},
			Config: image.Config{Width: 64, Height: 48, ColorModel: top.Palette},
		}); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	bmpOf := func(m image.Image) []byte {
		var b bytes.Buffer
		if err := bmp.Encode(&b, m); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	tiffOf := func(m image.Image) []byte {
		var b bytes.Buffer
		if err := tiff.Encode(&b, m, &tiff.Options{Compression: tiff.Deflate}); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}

	tests := []struct {
		name       string
		data       []byte
		wantType   string
		wantW      int
		wantH      int
		passed     bool
		tol        int           // colour tolerance
		want       []color.NRGBA // quadrant colours; nil = the pattern
		noQuadrant bool
	}{
		{"PNG 8-bit RGB", encodePNG(t, pat), "PNG", 64, 48, true, 0, nil, false},
		{"PNG 8-bit RGBA, opaque", opaqueRGBAPNG(pat), "PNG", 64, 48, false, 0, nil, false},
		{"PNG 8-bit RGBA, half transparent", encodePNG(t, translucent), "PNG", 64, 48, false, 1, []color.NRGBA{pink, {127, 255, 127, 255}, {127, 127, 255, 255}, wht}, false},
		{"PNG 8-bit gray", encodePNG(t, gray), "PNG", 64, 48, true, 0, grayQ, false},
		{"PNG 16-bit gray", encodePNG(t, gray16), "PNG", 64, 48, false, 0, grayQ, false},
		{"PNG 16-bit RGB", encodePNG(t, rgba64), "PNG", 64, 48, false, 0, nil, false},
		{"PNG 16-bit RGBA, half transparent", encodePNG(t, nrgba64), "PNG", 64, 48, false, 1, []color.NRGBA{pink, {127, 255, 127, 255}, {127, 127, 255, 255}, wht}, false},
		{"PNG 2-bit palette", encodePNG(t, paletted(4, false)), "PNG", 64, 48, false, 0, nil, false},
		{"PNG 8-bit palette", encodePNG(t, paletted(40, false)), "PNG", 64, 48, true, 0, nil, false},
		{"PNG palette with transparency", encodePNG(t, paletted(40, true)), "PNG", 64, 48, false, 0, nil, false},
		{"PNG interlaced (ImageMagick)", readFixture(t, "interlaced.png"), "PNG", 64, 48, false, 0, nil, false},
		{"PNG 16-bit RGBA interlaced (ImageMagick)", readFixture(t, "interlaced16.png"), "PNG", 64, 48, false, 1, []color.NRGBA{pink, {127, 255, 127, 255}, {127, 127, 255, 255}, wht}, false},
		{"JPEG baseline", encodeJPEG(t, pat, 95), "JPG", 64, 48, true, 24, nil, false},
		{"JPEG gray", encodeJPEG(t, gray, 95), "JPG", 64, 48, true, 8, grayQ, false},
		{"JPEG progressive (ImageMagick)", readFixture(t, "progressive.jpg"), "JPG", 64, 48, true, 24, nil, false},
		{"JPEG CMYK/YCCK (ImageMagick)", readFixture(t, "cmyk.jpg"), "JPG", 64, 48, false, 40, nil, false},
		{"GIF", gifOf(paletted(4, false)), "PNG", 64, 48, false, 0, nil, false},
		{"GIF with a transparent colour", gifOf(paletted(4, true)), "PNG", 64, 48, false, 0, nil, false},
		{"GIF first frame smaller than the screen", gifFrame(), "PNG", 64, 48, false, 0, []color.NRGBA{red, green, wht, wht}, false},
		{"WebP lossy (ImageMagick)", readFixture(t, "lossy.webp"), "JPG", 64, 48, false, 40, nil, false},
		{"WebP lossless (ImageMagick)", readFixture(t, "lossless.webp"), "PNG", 64, 48, false, 0, nil, false},
		{"WebP lossy with alpha (ImageMagick)", readFixture(t, "alpha.webp"), "JPG", 64, 48, false, 40, []color.NRGBA{pink, {127, 255, 127, 255}, {127, 127, 255, 255}, wht}, false},
		{"BMP", bmpOf(pat), "PNG", 64, 48, false, 0, nil, false},
		{"TIFF", tiffOf(pat), "PNG", 64, 48, false, 0, nil, false},
		{"TIFF 16-bit", tiffOf(rgba64), "PNG", 64, 48, false, 0, nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Prepare(tt.data, 3000, 3000)
			if err != nil {
				t.Fatalf("Prepare() error = %v", err)
			}
			if p.Type != tt.wantType || p.Width != tt.wantW || p.Height != tt.wantH || p.PassedThrough != tt.passed {
				t.Errorf("Prepare() = %s %dx%d passed through %v, want %s %dx%d passed through %v",
					p.Type, p.Width, p.Height, p.PassedThrough, tt.wantType, tt.wantW, tt.wantH, tt.passed)
			}
			if p.PassedThrough && !bytes.Equal(p.Data, tt.data) {
				t.Errorf("PassedThrough but the bytes differ")
			}
			m := checkPrepared(t, p)
			checkPattern(t, m, tt.tol, tt.want...)
		})
	}
}

func TestPrepareEXIFOrientation(t *testing.T) {
	display := pattern(64, 48) // what the viewer must show
	for _, bo := range []binary.ByteOrder{binary.LittleEndian, binary.BigEndian} {
		for o := 1; o <= 8; o++ {
			t.Run(fmt.Sprintf("%v/%d", bo, o), func(t *testing.T) {
				data := withEXIF(encodeJPEG(t, stored(display, o), 95), uint16(o), bo)
				if got := jpegOrientation(data); got != o {
					t.Fatalf("jpegOrientation() = %d, want %d", got, o)
				}
				p, err := Prepare(data, 3000, 3000)
				if err != nil {
					t.Fatalf("Prepare() error = %v", err)
				}
				if p.Type != "JPG" || p.Width != 64 || p.Height != 48 || p.PassedThrough != (o == 1) {
					t.Errorf("Prepare() = %s %dx%d passed through %v, want JPG 64x48 passed through %v",
						p.Type, p.Width, p.Height, p.PassedThrough, o == 1)
				}
				checkPattern(t, checkPrepared(t, p), 24)
				if o != 1 && jpegOrientation(p.Data) != 1 {
					t.Errorf("the re-encoded JPEG still carries an orientation")
				}
			})
		}
	}
}

func TestPrepareDownscale(t *testing.T) {
	tall := pattern(4000, 9000)
	tests := []struct {
		name       string
		data       []byte
		maxW, maxH int
		wantType   string
		wantW      int
		wantH      int
	}{
		{"PNG 4000x9000 into 2000x3000", encodePNG(t, tall), 2000, 3000, "PNG", 1333, 3000},
		{"JPEG 4000x9000 into 2000x3000", encodeJPEG(t, tall, 80), 2000, 3000, "JPG", 1333, 3000},
		{"JPEG stored 9000x4000, orientation 6, into 2000x3000",
			withEXIF(encodeJPEG(t, stored(tall, 6), 80), 6, binary.BigEndian), 2000, 3000, "JPG", 1333, 3000},
		{"width bound", encodePNG(t, pattern(3000, 1000)), 1500, 3000, "PNG", 1500, 500},
		{"no limit on height", encodePNG(t, pattern(3000, 1000)), 1500, 0, "PNG", 1500, 500},
		{"no limits", encodePNG(t, pattern(3000, 1000)), 0, 0, "PNG", 3000, 1000},
		{"never scaled up", encodePNG(t, pattern(30, 10)), 3000, 3000, "PNG", 30, 10},
		{"a 1-pixel line stays 1 pixel", encodePNG(t, pattern(5000, 1)), 1000, 1000, "PNG", 1000, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Prepare(tt.data, tt.maxW, tt.maxH)
			if err != nil {
				t.Fatalf("Prepare() error = %v", err)
			}
			if p.Type != tt.wantType || p.Width != tt.wantW || p.Height != tt.wantH {
				t.Errorf("Prepare() = %s %dx%d, want %s %dx%d", p.Type, p.Width, p.Height, tt.wantType, tt.wantW, tt.wantH)
			}
			if tt.maxW > 0 && p.Width > tt.maxW || tt.maxH > 0 && p.Height > tt.maxH {
				t.Errorf("Prepare() = %dx%d, exceeds %dx%d", p.Width, p.Height, tt.maxW, tt.maxH)
			}
			m := checkPrepared(t, p)
			if p.Height > 1 {
				checkPattern(t, m, 24)
			}
		})
	}
}

func TestPrepareErrors(t *testing.T) {
	good := encodePNG(t, pattern(64, 48))
	badCRC := append([]byte{}, good...)
	badCRC[len(badCRC)-20] ^= 0xFF // inside IDAT
	jpg := encodeJPEG(t, pattern(640, 480), 90)
	huge := rawPNG(20000, 20000, 8, 2, nil)
	tests := []struct {
		name string
		data []byte
		is   error
		msg  string
	}{
		{"empty", nil, ErrNotImage, "not an image: the file is empty"},
		{"text", []byte("Dear customer service,\n"), ErrNotImage, "not an image"},
		{"PDF", []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"), ErrNotImage, "PDF document"},
		{"HEIC", []byte("\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic"), ErrUnsupported, "HEIC"},
		{"PNG truncated", good[:len(good)/2], ErrCorrupt, "corrupt PNG"},
		{"PNG signature only", good[:8], ErrCorrupt, "corrupt PNG"},
		{"PNG bad checksum", badCRC, ErrCorrupt, "corrupt PNG"},
		{"PNG header without data", rawPNG(10, 10, 8, 2, nil), ErrCorrupt, "corrupt PNG"},
		{"PNG 0x0", rawPNG(0, 0, 8, 2, nil), ErrCorrupt, "corrupt PNG"},
		{"PNG too large", huge, ErrTooLarge, "20000×20000"},
		{"JPEG truncated", jpg[:len(jpg)/2], ErrCorrupt, "corrupt JPEG"},
		{"JPEG header only", jpg[:3], ErrCorrupt, "corrupt JPEG"},
		{"JPEG garbage after SOI", append([]byte{0xFF, 0xD8, 0xFF}, bytes.Repeat([]byte{0x42}, 100)...), ErrCorrupt, "corrupt JPEG"},
		{"GIF garbage", []byte("GIF89a\x10\x00\x10\x00garbage"), ErrCorrupt, "corrupt GIF"},
		{"WebP garbage", []byte("RIFF\x20\x00\x00\x00WEBPVP8 \x10\x00\x00\x00garbagegarbage"), ErrCorrupt, "corrupt WebP"},
		{"animated WebP", []byte("RIFF\xc0\x00\x00\x00WEBPVP8X\n\x00\x00\x00\x02\x00\x00\x00\x0f\x00\x00\x0f\x00\x00ANIM"), ErrUnsupported, "animated WebP"},
		{"BMP garbage", append([]byte("BM"), bytes.Repeat([]byte{0xEE}, 60)...), ErrUnsupported, "BMP"},
		{"TIFF garbage", []byte("II*\x00\xff\xff\xff\x00"), ErrCorrupt, "corrupt TIFF"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Prepare(tt.data, 3000, 3000)
			if err == nil {
				t.Fatalf("Prepare() = %s %dx%d, want an error", p.Type, p.Width, p.Height)
			}
			if !errors.Is(err, tt.is) || !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("Prepare() error = %q, want one that is %q and says %q", err, tt.is, tt.msg)
			}
		})
	}
}

func TestPrepareAll(t *testing.T) {
	items := [][]byte{
		encodePNG(t, pattern(64, 48)),
		[]byte("not an image"),
		encodeJPEG(t, pattern(64, 48), 90),
		nil,
		opaqueRGBAPNG(pattern(300, 200)),
	}
	for range 20 {
		items = append(items, encodePNG(t, half(pattern(40, 30))))
	}
	out, errs := PrepareAll(items, 100, 100)
	if len(out) != len(items) || len(errs) != len(items) {
		t.Fatalf("PrepareAll() = %d results, %d errors; want %d of each", len(out), len(errs), len(items))
	}
	for i := range items {
		wantErr := i == 1 || i == 3
		if (errs[i] != nil) != wantErr {
			t.Errorf("PrepareAll()[%d] error = %v, want error %v", i, errs[i], wantErr)
			continue
		}
		if wantErr {
			continue
		}
		want, err := Prepare(items[i], 100, 100)
		if err != nil || !bytes.Equal(out[i].Data, want.Data) || out[i].Width != want.Width {
			t.Errorf("PrepareAll()[%d] differs from Prepare() of the same item", i)
		}
	}
	if out[4].Width != 100 || out[4].Height != 67 {
		t.Errorf("PrepareAll()[4] = %dx%d, want 100x67", out[4].Width, out[4].Height)
	}
	if out, errs := PrepareAll(nil, 100, 100); len(out) != 0 || len(errs) != 0 {
		t.Errorf("PrepareAll(nil) = %v, %v; want empty", out, errs)
	}
}

func half(m *image.NRGBA) *image.NRGBA {
	for i := 3; i < len(m.Pix); i += 4 {
		m.Pix[i] = 128
	}
	return m
}

func TestFit(t *testing.T) {
	tests := []struct{ w, h, maxW, maxH, wantW, wantH int }{
		{100, 50, 200, 200, 100, 50},
		{400, 200, 200, 200, 200, 100},
		{200, 400, 200, 200, 100, 200},
		{4000, 9000, 2000, 3000, 1333, 3000},
		{1080, 2340, 2126, 3035, 1080, 2340},
		{2560, 1440, 2126, 3035, 2126, 1196},
		{3, 10000, 100, 100, 1, 100},
		{100, 100, 0, 50, 50, 50},
		{100, 100, -1, -1, 100, 100},
	}
	for _, tt := range tests {
		if w, h := fit(tt.w, tt.h, tt.maxW, tt.maxH); w != tt.wantW || h != tt.wantH {
			t.Errorf("fit(%d, %d, %d, %d) = %d, %d; want %d, %d", tt.w, tt.h, tt.maxW, tt.maxH, w, h, tt.wantW, tt.wantH)
		}
	}
}
