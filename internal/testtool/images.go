package testtool

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"math/rand/v2"
)

// Screenshot draws something like a phone or desktop screenshot: a title
// bar, lines of "text", chat bubbles and a photo. With corners, the rounded
// corners are transparent, so the PNG really has an alpha channel.
func Screenshot(w, h int, seed uint64, corners bool) []byte {
	rng := rand.New(rand.NewPCG(seed, 7))
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	fill := func(x0, y0, x1, y1 int, c color.NRGBA) {
		for y := max(y0, 0); y < min(y1, h); y++ {
			row := img.Pix[y*img.Stride:]
			for x := max(x0, 0); x < min(x1, w); x++ {
				copy(row[x*4:x*4+4], []byte{c.R, c.G, c.B, c.A})
			}
		}
	}
	fill(0, 0, w, h, color.NRGBA{246, 246, 248, 255})
	unit := max(w/54, 4)
	fill(0, 0, w, unit*5, color.NRGBA{22, 119, 255, 255})
	y := unit * 7
	for y < h-unit*4 {
		if rng.IntN(6) == 0 { // a photo: noise, which does not compress
			ph := unit * (8 + rng.IntN(10))
			for py := y; py < min(y+ph, h); py++ {
				row := img.Pix[py*img.Stride:]
				for px := unit; px < w-unit; px++ {
					v := byte(90 + (px*3+py*5)%80 + rng.IntN(40))
					copy(row[px*4:px*4+4], []byte{v, v - 20, v - 40, 255})
				}
			}
			y += ph + unit
			continue
		}
		left := unit + rng.IntN(2)*w/4
		bw := w/2 + rng.IntN(w/3)
		bh := unit * (2 + rng.IntN(3))
		fill(left, y, left+bw, y+bh, color.NRGBA{255, 255, 255, 255})
		for ly := y + unit/2; ly+unit/2 < y+bh; ly += unit {
			x := left + unit/2
			for x < left+bw-unit*2 {
				ww := unit/2 + rng.IntN(unit*2)
				g := byte(40 + rng.IntN(30))
				fill(x, ly, x+ww, ly+unit*2/3, color.NRGBA{g, g, g, 255})
				x += ww + unit/3
			}
		}
		y += bh + unit
	}
	if corners {
		r := unit * 2
		for cy := 0; cy < r; cy++ {
			for cx := 0; cx < r; cx++ {
				if (r-cx)*(r-cx)+(r-cy)*(r-cy) > r*r {
					for _, p := range [][2]int{{cx, cy}, {w - 1 - cx, cy}, {cx, h - 1 - cy}, {w - 1 - cx, h - 1 - cy}} {
						img.Pix[p[1]*img.Stride+p[0]*4+3] = 0
					}
				}
			}
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		panic(err)
	}
	return b.Bytes()
}

// Photo is something like a phone photo of a paper letter.
func Photo(w, h int, seed uint64) []byte {
	rng := rand.New(rand.NewPCG(seed, 11))
	img := image.NewYCbCr(image.Rect(0, 0, w, h), image.YCbCrSubsampleRatio420)
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			v := 200 + rng.IntN(30) - (x+y)*20/(w+h)
			img.Y[y*img.YStride+x] = byte(v)
		}
	}
	for i := range img.Cb {
		img.Cb[i], img.Cr[i] = 124, 132
	}
	m := w / 10
	for ly := m * 2; ly < h-m*2; ly += m / 3 {
		x := m
		for x < w-m*2 {
			ww := m/4 + rng.IntN(m)
			for y := ly; y < ly+m/8; y++ {
				for xx := x; xx < min(x+ww, w-m); xx++ {
					img.Y[y*img.YStride+xx] = byte(40 + rng.IntN(30))
				}
			}
			x += ww + m/6
		}
	}
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: 85}); err != nil {
		panic(err)
	}
	return b.Bytes()
}
