package images

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"testing"
)

// display applies what a viewer honouring EXIF orientation o does to the
// stored picture s.
func display(s *image.NRGBA, o int) *image.NRGBA {
	switch o {
	case 2:
		return flipH(s)
	case 3:
		return flipH(flipV(s))
	case 4:
		return flipV(s)
	case 5:
		return transpose(s)
	case 6:
		return rotCW(s)
	case 7:
		return flipH(flipV(transpose(s)))
	case 8:
		return rotCCW(s)
	}
	return s
}

// TestPrepareOrientationLayouts turns JPEGs of every chroma layout and a
// gray one, whose pixels turn by different code paths.
func TestPrepareOrientationLayouts(t *testing.T) {
	pat := pattern(64, 48)
	gray := image.NewGray(pat.Rect)
	for y := range 48 {
		for x := range 64 {
			gray.Set(x, y, pat.At(x, y))
		}
	}
	sources := map[string][]byte{
		"4:4:4":       readFixture(t, "s444.jpg"),
		"4:2:2":       readFixture(t, "s422.jpg"),
		"4:4:0":       readFixture(t, "s440.jpg"),
		"4:1:1":       readFixture(t, "s411.jpg"),
		"4:2:0":       encodeJPEG(t, pat, 95),
		"gray":        encodeJPEG(t, gray, 95),
		"CMYK":        readFixture(t, "cmyk.jpg"),
		"progressive": readFixture(t, "progressive.jpg"),
	}
	for name, src := range sources {
		for o := 1; o <= 8; o++ {
			t.Run(fmt.Sprintf("%s/%d", name, o), func(t *testing.T) {
				p, err := Prepare(withEXIF(src, uint16(o), binary.BigEndian), 3000, 3000)
				if err != nil {
					t.Fatalf("Prepare() error = %v", err)
				}
				wantW, wantH := 64, 48
				if o >= 5 {
					wantW, wantH = 48, 64
				}
				if p.Width != wantW || p.Height != wantH || p.Type != "JPG" {
					t.Errorf("Prepare() = %s %dx%d, want JPG %dx%d", p.Type, p.Width, p.Height, wantW, wantH)
				}
				want := quadrants(display(pat, o))
				if name == "gray" {
					want = quadrants(display(grayNRGBA(gray), o))
				}
				checkPattern(t, checkPrepared(t, p), 40, want[:]...)
			})
		}
	}
}

func grayNRGBA(g *image.Gray) *image.NRGBA {
	m := image.NewNRGBA(g.Rect)
	for y := g.Rect.Min.Y; y < g.Rect.Max.Y; y++ {
		for x := g.Rect.Min.X; x < g.Rect.Max.X; x++ {
			m.Set(x, y, g.At(x, y))
		}
	}
	return m
}

func TestTriangleWeights(t *testing.T) {
	for _, c := range []struct{ n, m int }{{10, 7}, {7, 10}, {3000, 2126}, {9000, 3000}, {5, 1}, {1, 5}, {2, 1}, {4000, 1}} {
		ws := triangle(c.n, c.m)
		for i := range c.m {
			s, n := ws.start[i], ws.n[i]
			if n < 1 || s < 0 || s+n > c.n {
				t.Fatalf("triangle(%d, %d)[%d] = samples %d..%d, out of 0..%d", c.n, c.m, i, s, s+n-1, c.n-1)
			}
			var sum int32
			for _, w := range ws.w[i*ws.taps:][:n] {
				if w < 0 {
					t.Fatalf("triangle(%d, %d)[%d] has a negative weight", c.n, c.m, i)
				}
				sum += w
			}
			if sum != 1<<wBits {
				t.Fatalf("triangle(%d, %d)[%d] weights sum to %d, want %d", c.n, c.m, i, sum, 1<<wBits)
			}
		}
	}
}

func TestScale(t *testing.T) {
	t.Run("flat stays exactly flat", func(t *testing.T) {
		m := image.NewRGBA(image.Rect(0, 0, 301, 97))
		for i := range m.Pix {
			m.Pix[i] = []uint8{13, 200, 77, 255}[i%4]
		}
		out := scale(m, 123, 45).(*image.RGBA)
		for i, v := range out.Pix {
			if want := []uint8{13, 200, 77, 255}[i%4]; v != want {
				t.Fatalf("pixel byte %d = %d, want %d", i, v, want)
			}
		}
	})
	t.Run("one-pixel stripes average, not alias", func(t *testing.T) {
		// Black and white columns one pixel wide, reduced by 3: a scaler
		// that samples would give black or white; every pixel must be gray.
		m := image.NewGray(image.Rect(0, 0, 300, 10))
		for y := range 10 {
			for x := range 300 {
				if x%2 == 0 {
					m.Pix[y*m.Stride+x] = 255
				}
			}
		}
		out := scale(m, 100, 10).(*image.Gray)
		for x := 1; x < 99; x++ {
			if v := out.Pix[5*out.Stride+x]; v < 100 || v > 155 {
				t.Fatalf("pixel %d = %d, want about 127", x, v)
			}
		}
	})
	t.Run("YCbCr stays YCbCr", func(t *testing.T) {
		for _, r := range []image.YCbCrSubsampleRatio{image.YCbCrSubsampleRatio420, image.YCbCrSubsampleRatio444, image.YCbCrSubsampleRatio422, image.YCbCrSubsampleRatio440, image.YCbCrSubsampleRatio411, image.YCbCrSubsampleRatio410} {
			m := image.NewYCbCr(image.Rect(0, 0, 101, 67), r)
			for i := range m.Y {
				m.Y[i] = 90
			}
			for i := range m.Cb {
				m.Cb[i], m.Cr[i] = 100, 160
			}
			out, ok := scale(m, 51, 33).(*image.YCbCr)
			if !ok || out.Rect.Dx() != 51 || out.Rect.Dy() != 33 || out.SubsampleRatio != r {
				t.Fatalf("scale(%v) = %T %v", r, out, out.Rect)
			}
			if c := out.YCbCrAt(50, 32); c != (color.YCbCr{90, 100, 160}) {
				t.Errorf("scale(%v) corner = %v, want {90 100 160}", r, c)
			}
		}
	})
}

func TestWritePNG(t *testing.T) {
	shot := flatten(screenshot(333, 211)).(*image.RGBA)
	gray := image.NewGray(image.Rect(0, 0, 97, 31))
	for i := range gray.Pix {
		gray.Pix[i] = uint8(i * 7)
	}
	sub := shot.SubImage(image.Rect(10, 20, 110, 90)) // non-zero origin, stride wider than the row
	for name, m := range map[string]image.Image{"RGB": shot, "gray": gray, "sub-image": sub} {
		t.Run(name, func(t *testing.T) {
			data := writePNG(m)
			got, err := png.Decode(bytes.NewReader(data))
			if err != nil {
				t.Fatalf("png.Decode(writePNG()) error = %v", err)
			}
			if got.Bounds().Dx() != m.Bounds().Dx() || got.Bounds().Dy() != m.Bounds().Dy() {
				t.Fatalf("size %v, want %v", got.Bounds(), m.Bounds())
			}
			b := m.Bounds()
			for y := range b.Dy() {
				for x := range b.Dx() {
					if g, w := color.NRGBAModel.Convert(got.At(x, y)), color.NRGBAModel.Convert(m.At(b.Min.X+x, b.Min.Y+y)); g != w {
						t.Fatalf("pixel (%d, %d) = %v, want %v", x, y, g, w)
					}
				}
			}
		})
	}
}
