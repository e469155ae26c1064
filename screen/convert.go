package screen

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"image"
	"image/png"
	"strings"
	"unicode/utf8"

	// The formats a clipboard may offer a picture in, besides PNG.
	_ "image/gif"
	_ "image/jpeg"

	"golang.org/x/image/bmp"
	_ "golang.org/x/image/tiff"
	_ "golang.org/x/image/webp"

	"golang.org/x/text/encoding/charmap"
)

// imageTypes are the picture formats read from a clipboard, best first:
// PNG is kept as it is; the others are converted.
var imageTypes = []string{"image/png", "image/bmp", "image/x-bmp", "image/jpeg", "image/tiff", "image/gif", "image/webp"}

// textTypes are the text formats read from a clipboard, best first.
var textTypes = []string{"UTF8_STRING", "text/plain;charset=utf-8", "STRING", "text/plain", "TEXT"}

// clipFromImage makes a Clip from picture bytes in a clipboard format.
func clipFromImage(data []byte, mediaType string) (Clip, error) {
	if mediaType == "image/png" {
		if _, err := png.DecodeConfig(bytes.NewReader(data)); err != nil {
			return Clip{}, fmt.Errorf("the clipboard's image/png is not a PNG: %w", err)
		}
		return Clip{PNG: data, Received: data, From: mediaType}, nil
	}
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return Clip{}, fmt.Errorf("read the clipboard's %s: %w", mediaType, err)
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return Clip{}, fmt.Errorf("convert the clipboard's %s to PNG: %w", mediaType, err)
	}
	return Clip{PNG: buf.Bytes(), Received: data, From: mediaType, Converted: true}, nil
}

// dibToPNG converts a Windows device-independent bitmap (the clipboard's
// CF_DIB: a BITMAPINFOHEADER or V4/V5 header, an optional colour table or
// bit masks, then the pixels) to PNG. It makes the BMP file header the
// decoder needs, reads 32-bit BI_BITFIELDS bitmaps in the usual BGR
// layout, and treats an alpha channel that is zero everywhere as absent:
// screenshots put on the clipboard by Print Screen and many programs leave
// it zero, and taking it at its word gives a blank, transparent picture.
func dibToPNG(dib []byte) ([]byte, error) {
	if len(dib) < 40 {
		return nil, fmt.Errorf("the clipboard's bitmap is %d bytes, too short for a header", len(dib))
	}
	le := binary.LittleEndian
	size := le.Uint32(dib)
	if size != 40 && size != 108 && size != 124 || int(size) > len(dib) {
		return nil, fmt.Errorf("the clipboard's bitmap has a header of %d bytes, which Redress cannot read", size)
	}
	width, height := int64(int32(le.Uint32(dib[4:]))), int64(int32(le.Uint32(dib[8:])))
	bpp, compression, used := le.Uint16(dib[14:]), le.Uint32(dib[16:]), le.Uint32(dib[32:])
	if height < 0 {
		height = -height
	}
	// The pixels must be there: a header may not make the decoder
	// allocate more than the data could fill.
	if width <= 0 || height <= 0 || width > 1<<16 || height > 1<<16 ||
		(width*int64(bpp)+31)/32*4*height > int64(len(dib)) {
		return nil, fmt.Errorf("the clipboard's bitmap claims %d×%d pixels, more than its %d bytes hold", width, height, len(dib))
	}
	if used > 256 {
		return nil, fmt.Errorf("the clipboard's bitmap claims %d palette colours", used)
	}
	dib = bytes.Clone(dib)
	if compression == 3 && size == 40 && bpp == 32 && len(dib) >= 52 &&
		le.Uint32(dib[40:]) == 0xff0000 && le.Uint32(dib[44:]) == 0xff00 && le.Uint32(dib[48:]) == 0xff {
		le.PutUint32(dib[16:], 0) // BI_RGB: the masks say what BI_RGB means
		dib = append(dib[:40:40], dib[52:]...)
	}
	table := uint32(0)
	if bpp <= 8 {
		table = used
		if table == 0 {
			table = 1 << bpp
		}
		table *= 4
	}
	head := make([]byte, 14, 14+len(dib))
	head[0], head[1] = 'B', 'M'
	le.PutUint32(head[2:], uint32(14+len(dib)))
	le.PutUint32(head[10:], 14+size+table)
	img, err := bmp.Decode(bytes.NewReader(append(head, dib...)))
	if err != nil {
		return nil, fmt.Errorf("read the clipboard's bitmap: %w", err)
	}
	if n, ok := img.(*image.NRGBA); ok {
		opaque := true
		for i := 3; i < len(n.Pix); i += 4 {
			if n.Pix[i] != 0 {
				opaque = false
				break
			}
		}
		if opaque {
			for i := 3; i < len(n.Pix); i += 4 {
				n.Pix[i] = 0xff
			}
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return nil, fmt.Errorf("convert the clipboard's bitmap to PNG: %w", err)
	}
	return buf.Bytes(), nil
}

// trimPNG cuts data after the PNG's IEND chunk: Windows hands clipboard
// data over in memory blocks that may be larger than what was put there.
func trimPNG(data []byte) []byte {
	const sig = 8
	for p := sig; p+12 <= len(data); {
		n := int(binary.BigEndian.Uint32(data[p:]))
		if n < 0 || n > len(data)-p-12 {
			return data
		}
		if string(data[p+4:p+8]) == "IEND" {
			return data[:p+12+n]
		}
		p += 12 + n
	}
	return data
}

// clipText turns clipboard text into a string: STRING is Latin-1 by the
// ICCCM; the others are UTF-8 (invalid bytes replaced). Only white space
// is no text.
func clipText(data []byte, target string) (string, bool) {
	s := string(data)
	if target == "STRING" && !utf8.Valid(data) {
		s, _ = charmap.ISO8859_1.NewDecoder().String(s)
	}
	s = strings.ToValidUTF8(strings.TrimRight(s, "\x00"), "\uFFFD")
	return s, strings.TrimSpace(s) != ""
}
