package images

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"io"

	"github.com/klauspost/compress/flate"
	"github.com/klauspost/compress/zlib"
)

// pngAlpha reports an 8-bit, non-interlaced PNG with an alpha channel
// (gray or RGB) and no tRNS chunk: what transcodePNG takes.
func pngAlpha(data []byte) bool {
	if len(data) < 8+8+13 || string(data[12:16]) != "IHDR" {
		return false
	}
	ihdr := data[16:29]
	return ihdr[8] == 8 && ihdr[12] == 0 && (ihdr[9] == 4 || ihdr[9] == 6)
}

// rowBatch is how many rows transcodePNG inflates at once: fewer calls
// into the inflater, and still only a few hundred kilobytes.
const rowBatch = 16

// transcodePNG rewrites an 8-bit non-interlaced PNG with alpha as the same
// image without it, composited onto white (an opaque pixel is copied, so a
// fully opaque alpha channel is simply dropped), a few rows at a time: the
// compressed pixels are inflated, each row unfiltered in place and
// composited, and the rows deflated again unfiltered (filter None), so
// neither the decoded image nor a second copy of it is ever held.
// Screenshots, the commonest exhibits, come this way.
//
// Why filter None: on screenshots (flat colours, repeated glyphs) the
// fastest deflate finds the repeats in the plain pixels, so the result is
// as small as with the Up filter (about 10 % smaller on text) and no time
// goes into filtering; only a screenshot that is mostly a photo comes out
// bigger (about 1.5×). docs/PERFORMANCE.md has the figures.
func transcodePNG(data []byte) ([]byte, error) {
	ihdr := data[16:29]
	w := int(binary.BigEndian.Uint32(ihdr[0:]))
	h := int(binary.BigEndian.Uint32(ihdr[4:]))
	bpp, outBpp, colorType := 4, 3, byte(2)
	if ihdr[9] == 4 {
		bpp, outBpp, colorType = 2, 1, 0
	}
	if w <= 0 || h <= 0 || int64(w)*int64(h) > MaxPixels {
		return nil, fmt.Errorf("%w PNG: size %d×%d", ErrCorrupt, w, h)
	}
	// The image data in one piece: a *bytes.Reader takes the inflater's
	// fastest path (a copy of the compressed data is small).
	var idat []byte
	pngChunks(data, func(typ string, body []byte, _ bool) bool {
		if typ == "IDAT" {
			idat = append(idat, body...)
		}
		return typ != "IEND"
	})
	// The zlib header is checked here and the deflate data read without
	// the Adler-32 check: every chunk's CRC-32 was checked already
	// (intact), and the checksum costs as much as unfiltering.
	if len(idat) < 2 || idat[0]&0x0f != 8 || (uint(idat[0])<<8|uint(idat[1]))%31 != 0 || idat[1]&0x20 != 0 {
		return nil, fmt.Errorf("%w PNG: bad zlib header", ErrCorrupt)
	}
	zr := flate.NewReader(bytes.NewReader(idat[2:]))
	defer zr.Close()

	var out bytes.Buffer
	out.Grow(len(data) / 2)
	out.WriteString("\x89PNG\r\n\x1a\n")
	var hdr [13]byte
	binary.BigEndian.PutUint32(hdr[0:], uint32(w))
	binary.BigEndian.PutUint32(hdr[4:], uint32(h))
	hdr[8], hdr[9] = 8, colorType
	writeChunk(&out, "IHDR", hdr[:])
	start := out.Len()
	out.WriteString("\x00\x00\x00\x00IDAT")
	zw := zlibWriters.Get().(*zlib.Writer)
	defer zlibWriters.Put(zw)
	zw.Reset(&out)

	stride := 1 + w*bpp
	outStride := 1 + w*outBpp
	// in holds a batch of filtered rows after the last unfiltered row of
	// the batch before (zeros at first): each row is unfiltered in place
	// against the one above it.
	in := make([]byte, stride*(rowBatch+1))
	// dst holds the batch's output rows, with a spare byte at the end
	// for 4-byte stores.
	dst := make([]byte, outStride*rowBatch+1)
	for y := 0; y < h; y += rowBatch {
		n := min(rowBatch, h-y)
		batch := in[stride : stride*(1+n)]
		if _, err := io.ReadFull(zr, batch); err != nil {
			return nil, fmt.Errorf("%w PNG: rows %d–%d of %d: %w", ErrCorrupt, y+1, y+n, h, err)
		}
		for k := range n {
			prev := in[k*stride+1 : (k+1)*stride]
			cur := in[(k+1)*stride : (k+2)*stride]
			if err := unfilter(cur[0], cur[1:], prev, bpp); err != nil {
				return nil, fmt.Errorf("%w PNG: row %d: %w", ErrCorrupt, y+k+1, err)
			}
			f := dst[k*outStride : (k+1)*outStride+1]
			f[0] = 0 // None
			if bpp == 4 {
				flattenRowRGBA(f[1:], cur[1:], w)
			} else {
				flattenRowGA(f[1:], cur[1:], w)
			}
		}
		zw.Write(dst[:n*outStride]) // writes to a bytes.Buffer cannot fail
		copy(in[:stride], in[n*stride:(n+1)*stride])
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	b := out.Bytes()
	binary.BigEndian.PutUint32(b[start:], uint32(len(b)-start-8))
	var crc [4]byte
	binary.BigEndian.PutUint32(crc[:], crc32.ChecksumIEEE(b[start+4:]))
	out.Write(crc[:])
	writeChunk(&out, "IEND", nil)
	return out.Bytes(), nil
}

// flattenRowRGBA composites a row of w 8-bit RGBA pixels onto white as
// RGB into f, which has a byte more than the 3w it needs: each pixel is
// stored as 4 bytes, the next one overwriting the fourth.
func flattenRowRGBA(f, px []byte, w int) {
	f = f[:3*w+1]
	px = px[:4*w]
	for x := range w {
		v := binary.LittleEndian.Uint32(px[4*x:])
		if v < 0xff000000 {
			a := uint8(v >> 24)
			v = uint32(over(uint8(v), a)) | uint32(over(uint8(v>>8), a))<<8 | uint32(over(uint8(v>>16), a))<<16
		}
		binary.LittleEndian.PutUint32(f[3*x:], v)
	}
}

// flattenRowGA composites a row of w 8-bit gray+alpha pixels onto white
// into f.
func flattenRowGA(f, px []byte, w int) {
	f = f[:w]
	px = px[:2*w]
	for x := range w {
		g := px[2*x]
		if a := px[2*x+1]; a != 255 {
			g = over(g, a)
		}
		f[x] = g
	}
}

// addBytes adds the bytes of a and b, each modulo 256.
func addBytes(a, b uint64) uint64 {
	const hi = 0x8080808080808080
	return ((a &^ hi) + (b &^ hi)) ^ ((a ^ b) & hi)
}

// unfilter reverses a PNG row filter in place; prev is the previous
// unfiltered row (zeros for the first); bpp is 1 to 8.
func unfilter(ft byte, cur, prev []byte, bpp int) error {
	prev = prev[:len(cur)]
	switch ft {
	case 0:
	case 1: // Sub
		for i := bpp; i < len(cur); i++ {
			cur[i] += cur[i-bpp]
		}
	case 2: // Up
		i := 0
		for ; i+8 <= len(cur); i += 8 {
			binary.LittleEndian.PutUint64(cur[i:], addBytes(binary.LittleEndian.Uint64(cur[i:]), binary.LittleEndian.Uint64(prev[i:])))
		}
		for ; i < len(cur); i++ {
			cur[i] += prev[i]
		}
	case 3: // Average
		for i := range min(bpp, len(cur)) {
			cur[i] += prev[i] / 2
		}
		for i := bpp; i < len(cur); i++ {
			cur[i] += uint8((int(cur[i-bpp]) + int(prev[i])) / 2)
		}
	case 4: // Paeth
		if bpp == 4 && len(cur)%4 == 0 {
			paeth4(cur, prev)
			break
		}
		for i := range min(bpp, len(cur)) {
			cur[i] += prev[i]
		}
		for i := bpp; i < len(cur); i++ {
			cur[i] += paeth(cur[i-bpp], prev[i], prev[i-bpp])
		}
	default:
		return fmt.Errorf("unknown filter type %d", ft)
	}
	return nil
}

// paeth is the Paeth predictor of the PNG specification for left a,
// above b and upper left c, in the form stb_image uses: no absolute
// values, two comparisons the compiler turns into conditional moves.
func paeth(a, b, c uint8) uint8 {
	t := 3*int(c) - int(a) - int(b)
	lo, hi := int(a), int(b)
	if lo > hi {
		lo, hi = hi, lo
	}
	p := int(c)
	if hi <= t {
		p = lo
	}
	if t <= lo {
		p = hi
	}
	return uint8(p)
}

// paeth4 reverses the Paeth filter for 4 bytes a pixel, the four
// channels side by side so that their chains of dependent additions run
// in parallel; len(cur) is a multiple of 4.
func paeth4(cur, prev []byte) {
	if len(cur) < 4 {
		return
	}
	prev = prev[:len(cur)]
	a0, a1, a2, a3 := cur[0]+prev[0], cur[1]+prev[1], cur[2]+prev[2], cur[3]+prev[3]
	cur[0], cur[1], cur[2], cur[3] = a0, a1, a2, a3
	for i := 4; i+4 <= len(cur); i += 4 {
		b, c := prev[i:i+4], prev[i-4:i]
		x := cur[i : i+4]
		a0 = x[0] + paeth(a0, b[0], c[0])
		a1 = x[1] + paeth(a1, b[1], c[1])
		a2 = x[2] + paeth(a2, b[2], c[2])
		a3 = x[3] + paeth(a3, b[3], c[3])
		x[0], x[1], x[2], x[3] = a0, a1, a2, a3
	}
}
