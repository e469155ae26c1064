package images

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"math/rand/v2"
	"testing"
)

// TestTranscodePNGMatchesDecoding compares the row-by-row transcoder with
// decoding and flattening the whole image (the general path), pixel for
// pixel, for RGBA and gray+alpha PNGs written with every filter the
// encoder picks, opaque and translucent, and checks that Prepare uses it.
func TestTranscodePNGMatchesDecoding(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	noisy := func(w, h int, alpha func(x, y int) uint8) *image.NRGBA {
		m := image.NewNRGBA(image.Rect(0, 0, w, h))
		for y := range h {
			for x := range w {
				v := uint8(rng.IntN(256))
				if (x/7+y/5)%3 == 0 {
					v = uint8(x * 3)
				}
				m.SetNRGBA(x, y, color.NRGBA{v, uint8(y * 5), uint8(x ^ y), alpha(x, y)})
			}
		}
		return m
	}
	encoded := func(m *image.NRGBA) []byte {
		var b bytes.Buffer
		enc := png.Encoder{CompressionLevel: png.BestCompression} // every filter type
		if err := enc.Encode(&b, m); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	grayAlpha := func(m *image.NRGBA) []byte {
		pix := make([]byte, 0, len(m.Pix)/2)
		for i := 0; i < len(m.Pix); i += 4 {
			pix = append(pix, m.Pix[i], m.Pix[i+3])
		}
		return rawPNG(m.Rect.Dx(), m.Rect.Dy(), 8, 4, pix)
	}
	for _, tc := range []struct {
		name string
		data []byte
		want byte // colour type of the source
	}{
		{"rgba-corners", encoded(noisy(61, 43, func(x, y int) uint8 {
			if x < 3 && y < 3 {
				return 0
			}
			return 255
		})), 6},
		{"rgba-translucent", encoded(noisy(33, 17, func(x, y int) uint8 { return uint8(x * 7) })), 6},
		{"rgba-opaque", opaqueRGBAPNG(noisy(40, 40, func(x, y int) uint8 { return 255 })), 6},
		{"gray-alpha", grayAlpha(noisy(29, 31, func(x, y int) uint8 { return uint8(y * 8) })), 4},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data := tc.data
			if got := data[25]; got != tc.want {
				t.Fatalf("test image has colour type %d, want %d", got, tc.want)
			}
			src, err := png.Decode(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			want := flatten(src)
			p, err := Prepare(data, 0, 0)
			if err != nil || p.Type != "PNG" || p.PassedThrough {
				t.Fatalf("Prepare = %s passed-through %v, %v; want a re-encoded PNG", p.Type, p.PassedThrough, err)
			}
			got, err := png.Decode(bytes.NewReader(p.Data))
			if err != nil {
				t.Fatalf("transcoded PNG does not decode: %v", err)
			}
			if _, ct, _ := pngHeader(t, p.Data); ct != 2 && ct != 0 {
				t.Errorf("transcoded colour type %d, want 2 (RGB) or 0 (gray), no alpha", ct)
			}
			bnd := src.Bounds()
			for y := bnd.Min.Y; y < bnd.Max.Y; y++ {
				for x := bnd.Min.X; x < bnd.Max.X; x++ {
					wr, wg, wb, _ := want.At(x, y).RGBA()
					gr, gg, gb, _ := got.At(x, y).RGBA()
					if wr>>8 != gr>>8 || wg>>8 != gg>>8 || wb>>8 != gb>>8 {
						t.Fatalf("pixel (%d,%d) = %d,%d,%d, want %d,%d,%d", x, y, gr>>8, gg>>8, gb>>8, wr>>8, wg>>8, wb>>8)
					}
				}
			}
			// A damaged copy is refused, never half-drawn.
			broken := bytes.Clone(data)
			broken[len(broken)/2] ^= 0xff
			if _, err := Prepare(broken, 0, 0); err == nil {
				t.Errorf("Prepare(damaged PNG) = nil error")
			}
		})
	}
}
