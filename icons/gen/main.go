//go:build ignore

// Command gen draws the Redress app icon (icons/icon.png) with the standard
// library only. Every shape is an inside/outside test evaluated on an N×N
// grid of sub-samples per pixel, which gives anti-aliased edges without any
// vector-graphics dependency.
//
// Run from the repository root:
//
//	go run icons/gen/main.go
package main

import (
	"bytes"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"log"
	"math"
	"os"
)

const (
	size = 512 // output edge in pixels
	ss   = 8   // sub-samples per pixel edge (ss*ss per pixel)
)

// Palette: navy and teal, a warm white for paper, a soft blue-grey for text.
var (
	navy      = rgb(0x10, 0x2A, 0x4C)
	navyDeep  = rgb(0x0B, 0x1D, 0x36)
	teal      = rgb(0x12, 0x9C, 0x97)
	tealLight = rgb(0x2E, 0xC4, 0xB6)
	paper     = rgb(0xFA, 0xFC, 0xFD)
	fold      = rgb(0xD3, 0xDF, 0xE8)
	ink       = rgb(0xB5, 0xC5, 0xD3)
	inkDark   = rgb(0x2B, 0x4A, 0x6F)
	white     = rgb(0xFF, 0xFF, 0xFF)
)

type fcolor struct{ r, g, b, a float64 }

func rgb(r, g, b uint8) fcolor {
	return fcolor{float64(r) / 255, float64(g) / 255, float64(b) / 255, 1}
}

func (c fcolor) alpha(a float64) fcolor { c.a = a; return c }

func mix(a, b fcolor, t float64) fcolor {
	t = math.Max(0, math.Min(1, t))
	return fcolor{a.r + (b.r-a.r)*t, a.g + (b.g-a.g)*t, a.b + (b.b-a.b)*t, a.a + (b.a-a.a)*t}
}

// shape reports whether point (x, y), in output-pixel units, is inside.
type shape func(x, y float64) bool

// paint returns the colour of a shape at a point (for gradients).
type paint func(x, y float64) fcolor

func solid(c fcolor) paint { return func(float64, float64) fcolor { return c } }

// canvas holds premultiplied linear-ish float RGBA.
type canvas struct{ px []fcolor }

func newCanvas() *canvas { return &canvas{px: make([]fcolor, size*size)} }

// fill composites shape s, coloured by p, over the canvas (source-over).
func (cv *canvas) fill(s shape, p paint) {
	step := 1.0 / ss
	for py := 0; py < size; py++ {
		for px := 0; px < size; px++ {
			var acc fcolor
			hits := 0
			for j := 0; j < ss; j++ {
				for i := 0; i < ss; i++ {
					x := float64(px) + (float64(i)+0.5)*step
					y := float64(py) + (float64(j)+0.5)*step
					if !s(x, y) {
						continue
					}
					c := p(x, y)
					acc.r += c.r * c.a
					acc.g += c.g * c.a
					acc.b += c.b * c.a
					acc.a += c.a
					hits++
				}
			}
			if hits == 0 {
				continue
			}
			n := float64(ss * ss)
			src := fcolor{acc.r / n, acc.g / n, acc.b / n, acc.a / n} // premultiplied
			dst := &cv.px[py*size+px]
			k := 1 - src.a
			dst.r = src.r + dst.r*k
			dst.g = src.g + dst.g*k
			dst.b = src.b + dst.b*k
			dst.a = src.a + dst.a*k
		}
	}
}

func (cv *canvas) image() *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, size, size))
	for i, c := range cv.px {
		if c.a <= 0 {
			continue
		}
		to8 := func(v float64) uint8 { return uint8(math.Round(math.Max(0, math.Min(1, v)) * 255)) }
		img.Pix[i*4+0] = to8(c.r / c.a)
		img.Pix[i*4+1] = to8(c.g / c.a)
		img.Pix[i*4+2] = to8(c.b / c.a)
		img.Pix[i*4+3] = to8(c.a)
	}
	return img
}

// --- shapes ---

func roundRect(x0, y0, x1, y1, r float64) shape {
	return func(x, y float64) bool {
		if x < x0 || x > x1 || y < y0 || y > y1 {
			return false
		}
		cx := math.Max(x0+r, math.Min(x, x1-r))
		cy := math.Max(y0+r, math.Min(y, y1-r))
		dx, dy := x-cx, y-cy
		return dx*dx+dy*dy <= r*r
	}
}

func circle(cx, cy, r float64) shape {
	return func(x, y float64) bool {
		dx, dy := x-cx, y-cy
		return dx*dx+dy*dy <= r*r
	}
}

func ring(cx, cy, rIn, rOut float64) shape {
	return func(x, y float64) bool {
		d := math.Hypot(x-cx, y-cy)
		return d >= rIn && d <= rOut
	}
}

// polygon is a convex or concave polygon (even-odd rule).
func polygon(pts ...[2]float64) shape {
	return func(x, y float64) bool {
		in := false
		for i, j := 0, len(pts)-1; i < len(pts); j, i = i, i+1 {
			xi, yi := pts[i][0], pts[i][1]
			xj, yj := pts[j][0], pts[j][1]
			if (yi > y) != (yj > y) && x < (xj-xi)*(y-yi)/(yj-yi)+xi {
				in = !in
			}
		}
		return in
	}
}

// stroke is a polyline of width w with round caps and joins.
func stroke(w float64, pts ...[2]float64) shape {
	r := w / 2
	return func(x, y float64) bool {
		for i := 0; i+1 < len(pts); i++ {
			if segDist(x, y, pts[i], pts[i+1]) <= r {
				return true
			}
		}
		return false
	}
}

func segDist(x, y float64, a, b [2]float64) float64 {
	dx, dy := b[0]-a[0], b[1]-a[1]
	t := ((x-a[0])*dx + (y-a[1])*dy) / (dx*dx + dy*dy)
	t = math.Max(0, math.Min(1, t))
	return math.Hypot(x-(a[0]+t*dx), y-(a[1]+t*dy))
}

func and(a, b shape) shape   { return func(x, y float64) bool { return a(x, y) && b(x, y) } }
func minus(a, b shape) shape { return func(x, y float64) bool { return a(x, y) && !b(x, y) } }

func shift(s shape, dx, dy float64) shape {
	return func(x, y float64) bool { return s(x-dx, y-dy) }
}

// docShape is a sheet of paper with rounded corners and the top-right corner
// cut off diagonally (where the fold goes).
func docShape(x0, y0, x1, y1, r, cut float64) shape {
	body := roundRect(x0, y0, x1, y1, r)
	corner := polygon([2]float64{x1 - cut, y0 - 1}, [2]float64{x1 + 1, y0 - 1}, [2]float64{x1 + 1, y0 + cut})
	return minus(body, corner)
}

func main() {
	cv := newCanvas()

	// Background: rounded square, diagonal teal → navy gradient.
	const m, br = 36.0, 100.0
	bg := roundRect(m, m, size-m, size-m, br)
	cv.fill(bg, func(x, y float64) fcolor {
		t := ((x - m) + (y - m)) / (2 * (size - 2*m))
		return mix(teal, navy, math.Pow(t, 0.9))
	})
	// Soft highlight on the upper half for depth.
	cv.fill(and(bg, circle(size*0.30, size*0.12, 300)), solid(white.alpha(0.06)))

	// Document geometry.
	const dx0, dy0, dx1, dy1, dr, cut = 128.0, 96.0, 352.0, 408.0, 18.0, 64.0

	// Drop shadow: a few offset, translucent copies clipped to the background.
	for i, a := range []float64{0.10, 0.08, 0.06, 0.04} {
		o := 6.0 + 4*float64(i)
		cv.fill(and(bg, shift(docShape(dx0, dy0, dx1, dy1, dr, cut), o*0.6, o)), solid(navyDeep.alpha(a)))
	}

	// Paper and folded corner.
	cv.fill(docShape(dx0, dy0, dx1, dy1, dr, cut), solid(paper))
	cv.fill(and(
		polygon([2]float64{dx1 - cut, dy0}, [2]float64{dx1 - cut, dy0 + cut - 6}, [2]float64{dx1, dy0 + cut}),
		roundRect(dx1-cut, dy0, dx1, dy0+cut, 8)),
		solid(fold))
	cv.fill(shift(polygon([2]float64{dx1 - cut, dy0}, [2]float64{dx1 - cut, dy0 + cut}, [2]float64{dx1, dy0 + cut}), 0, 0),
		func(x, y float64) fcolor { return mix(fold, paper, (y-dy0)/cut*0.6) })

	// Heading bar and text lines.
	cv.fill(roundRect(dx0+30, dy0+40, dx0+130, dy0+58, 9), solid(inkDark))
	lines := []struct{ y, w float64 }{
		{dy0 + 96, 164}, {dy0 + 132, 150}, {dy0 + 168, 164}, {dy0 + 204, 96}, {dy0 + 240, 70},
	}
	for _, l := range lines {
		cv.fill(roundRect(dx0+30, l.y, dx0+30+l.w, l.y+13, 6.5), solid(ink))
	}

	// Seal: white halo, teal disc with gradient, thin inner ring, check mark.
	const sx, sy, sr = 356.0, 352.0, 88.0
	for i, a := range []float64{0.12, 0.08, 0.05} {
		o := 4.0 + 4*float64(i)
		cv.fill(and(bg, circle(sx+o*0.5, sy+o, sr+10)), solid(navyDeep.alpha(a)))
	}
	cv.fill(circle(sx, sy, sr+10), solid(white))
	cv.fill(circle(sx, sy, sr), func(x, y float64) fcolor {
		return mix(tealLight, teal, (y-(sy-sr))/(2*sr))
	})
	cv.fill(ring(sx, sy, sr-14, sr-9), solid(white.alpha(0.55)))
	cv.fill(stroke(22, [2]float64{sx - 38, sy + 2}, [2]float64{sx - 10, sy + 30}, [2]float64{sx + 40, sy - 26}), solid(white))

	var buf bytes.Buffer
	img := cv.image()
	out := image.NewNRGBA(img.Bounds())
	draw.Draw(out, out.Bounds(), img, image.Point{}, draw.Src)
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(&buf, out); err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile("icons/icon.png", buf.Bytes(), 0o644); err != nil {
		log.Fatal(err)
	}
	_ = color.NRGBA{}
}
