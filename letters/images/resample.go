package images

import (
	"image"
	"math"
)

// plane is interleaved 8-bit samples: bpp bytes per pixel (1 for gray and
// for the Y, Cb and Cr planes of a YCbCr image, 4 for RGBA).
type plane struct {
	pix       []uint8
	stride    int
	w, h, bpp int
}

// Fixed-point weights: 1.0 is 1<<wBits.
const wBits = 14

// weights holds, for each destination sample i, the source samples
// start[i] … start[i]+n[i]-1 and their weights w[i*taps:][:n[i]].
type weights struct {
	start, n []int
	w        []int32
	taps     int
}

// triangle computes the weights of a triangle (bilinear) filter that
// resamples n source samples to m, widened by the reduction factor when
// reducing, so that every source sample counts (no aliasing of thin text
// strokes) — what Pillow calls BILINEAR. Weights sum exactly to 1<<wBits,
// so flat areas stay exactly flat.
func triangle(n, m int) weights {
	scale := float64(n) / float64(m)
	support := max(1, scale)
	taps := int(math.Ceil(support))*2 + 1
	ws := weights{start: make([]int, m), n: make([]int, m), w: make([]int32, m*taps), taps: taps}
	f := make([]float64, taps)
	for i := range m {
		center := (float64(i) + 0.5) * scale
		lo := max(0, int(math.Floor(center-support)))
		hi := min(n, lo+taps, int(math.Ceil(center+support)))
		sum := 0.0
		for j := lo; j < hi; j++ {
			f[j-lo] = max(0, 1-math.Abs((float64(j)+0.5-center)/support))
			sum += f[j-lo]
		}
		// Drop the zero weights at both ends.
		for lo < hi && f[0] == 0 {
			copy(f, f[1:hi-lo])
			lo++
		}
		for hi > lo && f[hi-lo-1] == 0 {
			hi--
		}
		if hi == lo { // cannot happen with support >= 1; be safe
			lo, hi, f[0], sum = min(int(center), n-1), min(int(center), n-1)+1, 1, 1
		}
		w := ws.w[i*taps : i*taps+hi-lo]
		total, big := int32(0), 0
		for j := range w {
			w[j] = int32(math.Round(f[j] / sum * (1 << wBits)))
			total += w[j]
			if w[j] > w[big] {
				big = j
			}
		}
		w[big] += 1<<wBits - total
		ws.start[i], ws.n[i] = lo, hi-lo
	}
	return ws
}

// resize resamples p to w×h with the triangle filter: vertically first,
// which is the cheaper pass, so that the horizontal one has fewer rows.
func resize(p plane, w, h int) plane {
	if h != p.h {
		p = resizeV(p, h)
	}
	if w != p.w {
		p = resizeH(p, w)
	}
	return p
}

func resizeH(p plane, w int) plane {
	ws := triangle(p.w, w)
	out := plane{pix: make([]uint8, w*p.h*p.bpp), stride: w * p.bpp, w: w, h: p.h, bpp: p.bpp}
	for y := range p.h {
		src := p.pix[y*p.stride:][:p.w*p.bpp]
		dst := out.pix[y*out.stride:][:w*p.bpp]
		switch p.bpp {
		case 1:
			for x, s := range ws.start {
				n := ws.n[x]
				wt := ws.w[x*ws.taps:][:n]
				row := src[s:][:n]
				var acc int32
				for k, c := range wt {
					acc += c * int32(row[k])
				}
				dst[x] = clamp(acc)
			}
		case 4:
			for x, s := range ws.start {
				n := ws.n[x]
				wt := ws.w[x*ws.taps:][:n]
				row := src[4*s:][:4*n]
				var r, g, b int32
				for k, c := range wt {
					px := row[4*k:][:3]
					r += c * int32(px[0])
					g += c * int32(px[1])
					b += c * int32(px[2])
				}
				d := dst[4*x:][:4]
				d[0], d[1], d[2], d[3] = clamp(r), clamp(g), clamp(b), 255
			}
		}
	}
	return out
}

func resizeV(p plane, h int) plane {
	ws := triangle(p.h, h)
	rowLen := p.w * p.bpp
	out := plane{pix: make([]uint8, rowLen*h), stride: rowLen, w: p.w, h: h, bpp: p.bpp}
	acc := make([]int32, rowLen)
	for y, s := range ws.start {
		clear(acc)
		for k, c := range ws.w[y*ws.taps:][:ws.n[y]] {
			src := p.pix[(s+k)*p.stride:][:rowLen]
			for i, v := range src {
				acc[i] += c * int32(v)
			}
		}
		dst := out.pix[y*out.stride:][:rowLen]
		for i, a := range acc {
			dst[i] = clamp(a)
		}
		if p.bpp == 4 {
			for i := 3; i < len(dst); i += 4 {
				dst[i] = 255
			}
		}
	}
	return out
}

func clamp(acc int32) uint8 {
	v := (acc + 1<<(wBits-1)) >> wBits
	if v > 255 {
		return 255
	}
	if v < 0 {
		return 0
	}
	return uint8(v)
}

// scale resizes a flattened image (*image.Gray, *image.RGBA or
// *image.YCbCr) to w×h. A YCbCr image is resized plane by plane and stays
// YCbCr, so a JPEG photo is never converted to RGB on its way back to JPEG.
func scale(img image.Image, w, h int) image.Image {
	switch m := img.(type) {
	case *image.Gray:
		p := resize(grayPlane(m), w, h)
		return &image.Gray{Pix: p.pix, Stride: p.stride, Rect: image.Rect(0, 0, w, h)}
	case *image.RGBA:
		p := resize(rgbaPlane(m), w, h)
		return &image.RGBA{Pix: p.pix, Stride: p.stride, Rect: image.Rect(0, 0, w, h)}
	case *image.YCbCr:
		out := &image.YCbCr{SubsampleRatio: m.SubsampleRatio, Rect: image.Rect(0, 0, w, h)}
		cw, ch := chromaSize(m)
		ocw, och := chromaSize(out)
		y := resize(plane{pix: m.Y, stride: m.YStride, w: m.Rect.Dx(), h: m.Rect.Dy(), bpp: 1}, w, h)
		cb := resize(plane{pix: m.Cb, stride: m.CStride, w: cw, h: ch, bpp: 1}, ocw, och)
		cr := resize(plane{pix: m.Cr, stride: m.CStride, w: cw, h: ch, bpp: 1}, ocw, och)
		out.Y, out.YStride = y.pix, y.stride
		out.Cb, out.Cr, out.CStride = cb.pix, cr.pix, cb.stride
		return out
	}
	return scale(toRGBA(flatten(img)), w, h)
}

func grayPlane(m *image.Gray) plane {
	return plane{pix: m.Pix[m.PixOffset(m.Rect.Min.X, m.Rect.Min.Y):], stride: m.Stride, w: m.Rect.Dx(), h: m.Rect.Dy(), bpp: 1}
}

func rgbaPlane(m *image.RGBA) plane {
	return plane{pix: m.Pix[m.PixOffset(m.Rect.Min.X, m.Rect.Min.Y):], stride: m.Stride, w: m.Rect.Dx(), h: m.Rect.Dy(), bpp: 4}
}

// chromaSize returns the size of the Cb and Cr planes of m (whose Rect
// starts at 0, 0, as decoders return it).
func chromaSize(m *image.YCbCr) (int, int) {
	w, h := m.Rect.Dx(), m.Rect.Dy()
	switch m.SubsampleRatio {
	case image.YCbCrSubsampleRatio422:
		return (w + 1) / 2, h
	case image.YCbCrSubsampleRatio420:
		return (w + 1) / 2, (h + 1) / 2
	case image.YCbCrSubsampleRatio440:
		return w, (h + 1) / 2
	case image.YCbCrSubsampleRatio411:
		return (w + 3) / 4, h
	case image.YCbCrSubsampleRatio410:
		return (w + 3) / 4, (h + 1) / 2
	}
	return w, h
}
