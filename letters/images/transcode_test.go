package images

import (
	"bytes"
	"fmt"
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

// specPaeth is the Paeth predictor exactly as the PNG specification
// writes it.
func specPaeth(a, b, c uint8) uint8 {
	p := int(a) + int(b) - int(c)
	pa, pb, pc := p-int(a), p-int(b), p-int(c)
	if pa < 0 {
		pa = -pa
	}
	if pb < 0 {
		pb = -pb
	}
	if pc < 0 {
		pc = -pc
	}
	switch {
	case pa <= pb && pa <= pc:
		return a
	case pb <= pc:
		return b
	}
	return c
}

// TestPaethMatchesSpecification checks the branch-free predictor against
// the specification's for every left, above and upper-left value.
func TestPaethMatchesSpecification(t *testing.T) {
	for a := range 256 {
		for b := range 256 {
			for c := range 256 {
				if got, want := paeth(uint8(a), uint8(b), uint8(c)), specPaeth(uint8(a), uint8(b), uint8(c)); got != want {
					t.Fatalf("paeth(%d, %d, %d) = %d, want %d", a, b, c, got, want)
				}
			}
		}
	}
}

// specUnfilter reverses a PNG row filter byte by byte, as the
// specification describes it.
func specUnfilter(ft byte, cur, prev []byte, bpp int) {
	for i := range cur {
		var a, c uint8
		if i >= bpp {
			a, c = cur[i-bpp], prev[i-bpp]
		}
		b := prev[i]
		switch ft {
		case 1:
			cur[i] += a
		case 2:
			cur[i] += b
		case 3:
			cur[i] += uint8((int(a) + int(b)) / 2)
		case 4:
			cur[i] += specPaeth(a, b, c)
		}
	}
}

// TestUnfilterMatchesSpecification runs every filter type over random
// rows of every length from 0 to 40 bytes (so the 8-byte steps of Up and
// the 4-channel Paeth meet every remainder) and every pixel size, and
// compares the result with the specification's byte-by-byte definition.
func TestUnfilterMatchesSpecification(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for _, bpp := range []int{1, 2, 3, 4, 6, 8} {
		for ft := range byte(5) {
			for n := 0; n <= 40; n++ {
				t.Run(fmt.Sprintf("bpp%d/filter%d/len%d", bpp, ft, n), func(t *testing.T) {
					for range 20 {
						cur, prev := make([]byte, n), make([]byte, n)
						for i := range n {
							cur[i], prev[i] = uint8(rng.IntN(256)), uint8(rng.IntN(256))
						}
						want := bytes.Clone(cur)
						specUnfilter(ft, want, prev, bpp)
						got := bytes.Clone(cur)
						if err := unfilter(ft, got, prev, bpp); err != nil {
							t.Fatal(err)
						}
						if !bytes.Equal(got, want) {
							t.Fatalf("unfilter(%d, % x, prev % x) = % x, want % x", ft, cur, prev, got, want)
						}
					}
				})
			}
		}
	}
	if err := unfilter(5, make([]byte, 4), make([]byte, 4), 4); err == nil {
		t.Errorf("unfilter(filter type 5) = nil error, want one")
	}
}
