package images

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"io"

	"golang.org/x/image/bmp"
	"golang.org/x/image/tiff"
	"golang.org/x/image/webp"
)

// format is one image format Prepare reads.
type format struct {
	name    string // for messages: "PNG", "JPEG", …
	pdfType string // gofpdf image type when passed through, or ""
	cfg     func(io.Reader) (image.Config, error)
	dec     func(io.Reader) (image.Image, error)
}

var (
	fmtPNG  = &format{"PNG", "PNG", png.DecodeConfig, png.Decode}
	fmtJPEG = &format{"JPEG", "JPG", jpeg.DecodeConfig, jpeg.Decode}
	fmtGIF  = &format{"GIF", "", gif.DecodeConfig, gif.Decode}
	fmtWebP = &format{"WebP", "", webp.DecodeConfig, webp.Decode}
	fmtBMP  = &format{"BMP", "", bmp.DecodeConfig, bmp.Decode}
	fmtTIFF = &format{"TIFF", "", tiff.DecodeConfig, tiff.Decode}
)

// sniff recognises the format from the first bytes; the file name and the
// declared MIME type are not trusted.
func sniff(data []byte) (*format, error) {
	has := func(prefix string) bool { return bytes.HasPrefix(data, []byte(prefix)) }
	switch {
	case len(data) == 0:
		return nil, fmt.Errorf("%w: the file is empty", ErrNotImage)
	case has("\x89PNG\r\n\x1a\n"):
		return fmtPNG, nil
	case has("\xff\xd8\xff"):
		return fmtJPEG, nil
	case has("GIF87a"), has("GIF89a"):
		return fmtGIF, nil
	case has("RIFF") && len(data) >= 12 && string(data[8:12]) == "WEBP":
		if len(data) >= 21 && string(data[12:16]) == "VP8X" && data[20]&2 != 0 {
			// Chat stickers; golang.org/x/image/webp reads still images only.
			return nil, fmt.Errorf("%w: animated WebP", ErrUnsupported)
		}
		return fmtWebP, nil
	case has("BM") && len(data) >= 26:
		return fmtBMP, nil
	case has("II*\x00"), has("MM\x00*"):
		return fmtTIFF, nil
	case len(data) >= 12 && string(data[4:8]) == "ftyp":
		switch string(data[8:12]) {
		case "heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1":
			return nil, fmt.Errorf("%w: HEIC/HEIF (convert it to JPEG or PNG first)", ErrUnsupported)
		case "avif", "avis":
			return nil, fmt.Errorf("%w: AVIF (convert it to JPEG or PNG first)", ErrUnsupported)
		}
		return nil, fmt.Errorf("%w: an ISO media file (video or HEIF)", ErrNotImage)
	case has("%PDF-"):
		return nil, fmt.Errorf("%w: a PDF document", ErrNotImage)
	case has("PK\x03\x04"):
		return nil, fmt.Errorf("%w: a ZIP archive or office document", ErrNotImage)
	case has("<svg"), has("<?xml"):
		return nil, fmt.Errorf("%w: SVG or XML text (vector images are not supported)", ErrNotImage)
	}
	return nil, fmt.Errorf("%w: unknown file type", ErrNotImage)
}

func (f *format) config(data []byte) (cfg image.Config, err error) {
	defer f.recover(&err)
	cfg, err = f.cfg(bytes.NewReader(data))
	return cfg, f.wrap(err)
}

func (f *format) decode(data []byte) (img image.Image, err error) {
	defer f.recover(&err)
	img, err = f.dec(bytes.NewReader(data))
	return img, f.wrap(err)
}

// recover turns a decoder panic (they are rare but have happened on
// hostile input) into an error.
func (f *format) recover(err *error) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("%w %s: the decoder failed: %v", ErrCorrupt, f.name, r)
	}
}

func (f *format) wrap(err error) error {
	if err == nil {
		return nil
	}
	var (
		jpegUnsupported jpeg.UnsupportedError
		pngUnsupported  png.UnsupportedError
		tiffUnsupported tiff.UnsupportedError
	)
	if errors.As(err, &jpegUnsupported) || errors.As(err, &pngUnsupported) || errors.As(err, &tiffUnsupported) ||
		errors.Is(err, bmp.ErrUnsupported) {
		return fmt.Errorf("%w %s: %w", ErrUnsupported, f.name, err)
	}
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return fmt.Errorf("%w %s: the file is truncated (%w)", ErrCorrupt, f.name, err)
	}
	return fmt.Errorf("%w %s: %w", ErrCorrupt, f.name, err)
}

// lossy reports a source that is lossy already, and so is re-encoded as
// JPEG rather than PNG.
func (f *format) lossy(data []byte) bool {
	switch f {
	case fmtJPEG:
		return true
	case fmtWebP:
		return webpLossy(data)
	}
	return false
}

// webpLossy reports whether a WebP file holds a lossy (VP8) bitstream.
func webpLossy(data []byte) bool {
	for p := 12; p+8 <= len(data); {
		id := string(data[p : p+4])
		n := int(binary.LittleEndian.Uint32(data[p+4 : p+8]))
		switch id {
		case "VP8 ":
			return true
		case "VP8L":
			return false
		}
		if n < 0 || n > len(data) {
			return false
		}
		p += 8 + n + n&1
	}
	return false
}

// passable reports whether gofpdf can embed the original bytes as they are
// (the caller has checked orientation and size, and decoded the image).
func passable(f *format, data []byte, cfg image.Config) bool {
	switch f {
	case fmtJPEG:
		// Not CMYK (see the package comment), not RGB-without-transform.
		return cfg.ColorModel == color.YCbCrModel || cfg.ColorModel == color.GrayModel
	case fmtPNG:
		return pngPassable(data)
	}
	return false
}

// pngPassable reports an 8-bit, non-interlaced gray, RGB or palette PNG
// without a tRNS chunk: what gofpdf embeds without re-compressing.
func pngPassable(data []byte) bool {
	const sig = 8
	if len(data) < sig+8+13 || string(data[sig+4:sig+8]) != "IHDR" {
		return false
	}
	ihdr := data[sig+8:]
	depth, colorType, interlace := ihdr[8], ihdr[9], ihdr[12]
	if depth != 8 || interlace != 0 || (colorType != 0 && colorType != 2 && colorType != 3) {
		return false
	}
	passable := false
	pngChunks(data, func(typ string, _ []byte, _ bool) bool {
		switch typ {
		case "tRNS":
			return false
		case "IDAT", "IEND":
			passable = true
			return false
		}
		return true
	})
	return passable
}
