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

	_ "golang.org/x/image/bmp"
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
