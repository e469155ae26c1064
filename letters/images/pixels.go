package images

import (
	"image"
	"image/color"
	"image/draw"
)

// flatten returns img as an opaque 8-bit image the PNG and JPEG encoders
// write without alpha: *image.Gray for gray sources, else *image.RGBA with
// every alpha 255 (transparency composited onto white, 16-bit samples
// reduced to 8). Freshly decoded pixels are reused where possible.
//
// A *image.YCbCr is returned as it is: the scaler and the JPEG encoder read
// it directly, and orient converts it when it has to turn it.
func flatten(img image.Image) image.Image {
	b := img.Bounds()
	switch m := img.(type) {
	case *image.Gray, *image.YCbCr:
		return m
	case *image.Gray16:
		out := image.NewGray(b)
		for y := b.Min.Y; y < b.Max.Y; y++ {
			src := m.Pix[m.PixOffset(b.Min.X, y):]
			dst := out.Pix[out.PixOffset(b.Min.X, y):]
			for x := range b.Dx() {
				dst[x] = src[2*x]
			}
		}
		return out
	case *image.RGBA:
		// Premultiplied: over white is c + (255 - a).
		for y := b.Min.Y; y < b.Max.Y; y++ {
			row := m.Pix[m.PixOffset(b.Min.X, y):][:4*b.Dx()]
			for i := 0; i < len(row); i += 4 {
				if a := row[i+3]; a != 255 {
					t := 255 - a
					row[i], row[i+1], row[i+2], row[i+3] = addSat(row[i], t), addSat(row[i+1], t), addSat(row[i+2], t), 255
				}
			}
		}
		return m
	case *image.NRGBA:
		for y := b.Min.Y; y < b.Max.Y; y++ {
			row := m.Pix[m.PixOffset(b.Min.X, y):][:4*b.Dx()]
			for i := 0; i < len(row); i += 4 {
				if a := row[i+3]; a != 255 {
					row[i], row[i+1], row[i+2], row[i+3] = over(row[i], a), over(row[i+1], a), over(row[i+2], a), 255
				}
			}
		}
		return &image.RGBA{Pix: m.Pix, Stride: m.Stride, Rect: m.Rect}
	case *image.Paletted:
		var pal [256][4]uint8
		for i, c := range m.Palette {
			r, g, bl := white(c)
			pal[i] = [4]uint8{r, g, bl, 255}
		}
		// Indices beyond the palette are black, as image.Paletted.At has it.
		for i := len(m.Palette); i < 256; i++ {
			pal[i] = [4]uint8{0, 0, 0, 255}
		}
		out := image.NewRGBA(b)
		for y := b.Min.Y; y < b.Max.Y; y++ {
			src := m.Pix[m.PixOffset(b.Min.X, y):][:b.Dx()]
			dst := out.Pix[out.PixOffset(b.Min.X, y):]
			for x, i := range src {
				copy(dst[4*x:4*x+4], pal[i][:])
			}
		}
		return out
	case *image.CMYK:
		out := image.NewRGBA(b)
		for y := b.Min.Y; y < b.Max.Y; y++ {
			src := m.Pix[m.PixOffset(b.Min.X, y):][:4*b.Dx()]
			dst := out.Pix[out.PixOffset(b.Min.X, y):]
			for i := 0; i < len(src); i += 4 {
				r, g, bl := color.CMYKToRGB(src[i], src[i+1], src[i+2], src[i+3])
				dst[i], dst[i+1], dst[i+2], dst[i+3] = r, g, bl, 255
			}
		}
		return out
	case *image.NYCbCrA:
		out := image.NewRGBA(b)
		draw.Draw(out, b, &m.YCbCr, b.Min, draw.Src)
		for y := b.Min.Y; y < b.Max.Y; y++ {
			as := m.A[m.AOffset(b.Min.X, y):][:b.Dx()]
			dst := out.Pix[out.PixOffset(b.Min.X, y):]
			for x, a := range as {
				if a != 255 {
					i := 4 * x
					dst[i], dst[i+1], dst[i+2] = over(dst[i], a), over(dst[i+1], a), over(dst[i+2], a)
				}
			}
		}
		return out
	}
	// Anything else (16-bit RGB(A), gray with alpha…): the slow, general way.
	out := image.NewRGBA(b)
	for y := b.Min.Y; y < b.Max.Y; y++ {
		dst := out.Pix[out.PixOffset(b.Min.X, y):]
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl := white(img.At(x, y))
			i := 4 * (x - b.Min.X)
			dst[i], dst[i+1], dst[i+2], dst[i+3] = r, g, bl, 255
		}
	}
	return out
}

func addSat(a, b uint8) uint8 {
	if a > 255-b {
		return 255
	}
	return a + b
}

// toRGBA converts a *image.YCbCr (which flatten leaves alone) to RGBA for
// the PNG encoder, which would otherwise write it with 16-bit samples.
func toRGBA(img image.Image) image.Image {
	m, ok := img.(*image.YCbCr)
	if !ok {
		return img
	}
	out := image.NewRGBA(image.Rect(0, 0, m.Rect.Dx(), m.Rect.Dy()))
	draw.Draw(out, out.Rect, m, m.Rect.Min, draw.Src)
	return out
}

// over composites a non-premultiplied 8-bit sample with alpha a onto white.
func over(c, a uint8) uint8 {
	return uint8((uint32(c)*uint32(a) + 255*(255-uint32(a)) + 127) / 255)
}

// white composites c onto white and returns 8-bit RGB.
func white(c color.Color) (uint8, uint8, uint8) {
	r, g, b, a := c.RGBA() // premultiplied, 16-bit
	t := 0xffff - a
	return uint8((r + t) >> 8), uint8((g + t) >> 8), uint8((b + t) >> 8)
}

// onCanvas places img on a white w×h canvas at its own offset (a GIF frame
// smaller than the logical screen).
func onCanvas(img image.Image, w, h int) image.Image {
	out := image.NewRGBA(image.Rect(0, 0, w, h))
	for i := range out.Pix {
		out.Pix[i] = 255
	}
	draw.Draw(out, img.Bounds(), img, img.Bounds().Min, draw.Over)
	return out
}

// orient applies EXIF orientation o (1–8) to a flattened image (gray, RGBA
// or YCbCr): it returns the image as it should be displayed. A YCbCr image
// is turned plane by plane and stays YCbCr.
func orient(img image.Image, o int) image.Image {
	if o <= 1 || o > 8 {
		return img
	}
	switch m := img.(type) {
	case *image.Gray:
		p := orientPlane(grayPlane(m), o)
		return &image.Gray{Pix: p.pix, Stride: p.stride, Rect: image.Rect(0, 0, p.w, p.h)}
	case *image.RGBA:
		p := orientPlane(rgbaPlane(m), o)
		return &image.RGBA{Pix: p.pix, Stride: p.stride, Rect: image.Rect(0, 0, p.w, p.h)}
	case *image.YCbCr:
		ratio := m.SubsampleRatio
		switch {
		case ratio == image.YCbCrSubsampleRatio444, ratio == image.YCbCrSubsampleRatio420:
		case o >= 5 && ratio == image.YCbCrSubsampleRatio422:
			ratio = image.YCbCrSubsampleRatio440
		case o >= 5 && ratio == image.YCbCrSubsampleRatio440:
			ratio = image.YCbCrSubsampleRatio422
		case o < 5 && (ratio == image.YCbCrSubsampleRatio422 || ratio == image.YCbCrSubsampleRatio440):
		default: // 4:1:1, 4:1:0: no YCbCr layout for the turned image
			return orient(toRGBA(m), o)
		}
		cw, ch := chromaSize(m)
		y := orientPlane(plane{pix: m.Y, stride: m.YStride, w: m.Rect.Dx(), h: m.Rect.Dy(), bpp: 1}, o)
		cb := orientPlane(plane{pix: m.Cb, stride: m.CStride, w: cw, h: ch, bpp: 1}, o)
		cr := orientPlane(plane{pix: m.Cr, stride: m.CStride, w: cw, h: ch, bpp: 1}, o)
		return &image.YCbCr{
			Y: y.pix, Cb: cb.pix, Cr: cr.pix, YStride: y.stride, CStride: cb.stride,
			SubsampleRatio: ratio, Rect: image.Rect(0, 0, y.w, y.h),
		}
	}
	return orient(toRGBA(flatten(img)), o)
}

// orientPlane applies EXIF orientation o to the samples of p.
func orientPlane(p plane, o int) plane {
	w, h, bpp := p.w, p.h, p.bpp
	dw, dh := w, h
	if o >= 5 {
		dw, dh = h, w
	}
	out := plane{pix: make([]uint8, dw*dh*bpp), stride: dw * bpp, w: dw, h: dh, bpp: bpp}
	// For each displayed pixel (x, y), the stored pixel (sx, sy) is
	// (x0 + x*dxx + y*dxy, y0 + x*dyx + y*dyy).
	var x0, y0, dxx, dxy, dyx, dyy int
	switch o {
	case 2: // mirrored horizontally
		x0, dxx, dyy = w-1, -1, 1
	case 3: // rotated 180°
		x0, y0, dxx, dyy = w-1, h-1, -1, -1
	case 4: // mirrored vertically
		y0, dxx, dyy = h-1, 1, -1
	case 5: // transposed
		dxy, dyx = 1, 1
	case 6: // stored turned 90° counter-clockwise: turn it clockwise
		y0, dxy, dyx = h-1, 1, -1
	case 7: // transversed
		x0, y0, dxy, dyx = w-1, h-1, -1, -1
	case 8: // stored turned 90° clockwise: turn it counter-clockwise
		x0, dxy, dyx = w-1, -1, 1
	}
	step := dxx*bpp + dyx*p.stride // source offset per displayed x
	for y := range dh {
		si := (x0+y*dxy)*bpp + (y0+y*dyy)*p.stride
		row := out.pix[y*out.stride:][:dw*bpp]
		if bpp == 1 {
			for x := range row {
				row[x] = p.pix[si]
				si += step
			}
			continue
		}
		for x := 0; x < len(row); x += bpp {
			copy(row[x:x+bpp], p.pix[si:si+bpp])
			si += step
		}
	}
	return out
}
