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

// transcodePNG rewrites an 8-bit non-interlaced PNG with alpha as the same
// image without it, composited onto white (an opaque alpha channel is
// simply dropped), row by row: the compressed pixels are inflated one row
// at a time, unfiltered, composited, filtered with Up and deflated again,
// so neither the decoded image nor a second copy of it is ever held. It is
// several times faster than decoding into an image.Image and encoding it
// again (klauspost/compress's inflate and fastest deflate), for the phone
// screenshots that are the commonest exhibits.
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
	out.Grow(len(data) + len(data)/2)
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

	stride := w * bpp
	cur, prev := make([]byte, 1+stride), make([]byte, 1+stride)
	row, prevRow := make([]byte, w*outBpp), make([]byte, w*outBpp)
	filtered := make([]byte, 1+w*outBpp)
	filtered[0] = 2 // Up
	for y := range h {
		if _, err := io.ReadFull(zr, cur); err != nil {
			return nil, fmt.Errorf("%w PNG: row %d of %d: %w", ErrCorrupt, y+1, h, err)
		}
		if err := unfilter(cur[0], cur[1:], prev[1:], bpp); err != nil {
			return nil, fmt.Errorf("%w PNG: row %d: %w", ErrCorrupt, y+1, err)
		}
		px := cur[1:]
		if bpp == 4 {
			for x, j := 0, 0; x < len(px); x, j = x+4, j+3 {
				if a := px[x+3]; a == 255 {
					row[j], row[j+1], row[j+2] = px[x], px[x+1], px[x+2]
				} else {
					row[j], row[j+1], row[j+2] = over(px[x], a), over(px[x+1], a), over(px[x+2], a)
				}
			}
		} else {
			for x, j := 0, 0; x < len(px); x, j = x+2, j+1 {
				row[j] = over(px[x], px[x+1])
			}
		}
		f := filtered[1:]
		for i, v := range row {
			f[i] = v - prevRow[i]
		}
		zw.Write(filtered) // writes to a bytes.Buffer cannot fail
		cur, prev = prev, cur
		row, prevRow = prevRow, row
	}
	zw.Close()
	b := out.Bytes()
	binary.BigEndian.PutUint32(b[start:], uint32(len(b)-start-8))
	var crc [4]byte
	binary.BigEndian.PutUint32(crc[:], crc32.ChecksumIEEE(b[start+4:]))
	out.Write(crc[:])
	writeChunk(&out, "IEND", nil)
	return out.Bytes(), nil
}

// unfilter reverses a PNG row filter in place; prev is the previous
// unfiltered row (zeros for the first).
func unfilter(ft byte, cur, prev []byte, bpp int) error {
	switch ft {
	case 0:
	case 1: // Sub
		for i := bpp; i < len(cur); i++ {
			cur[i] += cur[i-bpp]
		}
	case 2: // Up
		for i, p := range prev[:len(cur)] {
			cur[i] += p
		}
	case 3: // Average
		for i := range bpp {
			cur[i] += prev[i] / 2
		}
		for i := bpp; i < len(cur); i++ {
			cur[i] += uint8((int(cur[i-bpp]) + int(prev[i])) / 2)
		}
	case 4: // Paeth
		for i := range bpp {
			cur[i] += prev[i]
		}
		for i := bpp; i < len(cur); i++ {
			a, b, c := int(cur[i-bpp]), int(prev[i]), int(prev[i-bpp])
			p := b - c
			pc := a - c
			pa, pb := iabs(p), iabs(pc)
			pc = iabs(p + pc)
			switch {
			case pa <= pb && pa <= pc:
				cur[i] += uint8(a)
			case pb <= pc:
				cur[i] += uint8(b)
			default:
				cur[i] += uint8(c)
			}
		}
	default:
		return fmt.Errorf("unknown filter type %d", ft)
	}
	return nil
}

func iabs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
