package images

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"image/color"
	"image/jpeg"
)

// Stream is a prepared image as a PDF image XObject: its dictionary
// entries and its data, which are slices of Prepared.Data (no copy).
type Stream struct {
	Width, Height int
	ColorSpace    string // "/DeviceRGB", "/DeviceGray" or an /Indexed array
	Filter        string // "/DCTDecode" or "/FlateDecode"
	DecodeParms   string // the PNG predictor parameters, or ""
	Data          [][]byte
}

// Len is the length of the stream data.
func (s Stream) Len() int {
	n := 0
	for _, d := range s.Data {
		n += len(d)
	}
	return n
}

// Stream describes p as a PDF image: a JPEG as it is (DCTDecode), a PNG as
// its compressed IDAT data with the PNG predictor (FlateDecode), as PDF
// takes it without decompressing. p must come from Prepare: an 8-bit gray
// or YCbCr JPEG, or an 8-bit non-interlaced gray, RGB or palette PNG
// without transparency.
func (p Prepared) Stream() (Stream, error) {
	s := Stream{Width: p.Width, Height: p.Height}
	switch p.Type {
	case "JPG":
		cfg, err := jpeg.DecodeConfig(bytes.NewReader(p.Data))
		if err != nil {
			return s, fmt.Errorf("%w JPEG: %w", ErrCorrupt, err)
		}
		switch cfg.ColorModel {
		case color.GrayModel:
			s.ColorSpace = "/DeviceGray"
		case color.YCbCrModel:
			s.ColorSpace = "/DeviceRGB"
		default:
			return s, fmt.Errorf("%w: JPEG colour model %T", ErrUnsupported, cfg.ColorModel)
		}
		s.Width, s.Height = cfg.Width, cfg.Height
		s.Filter, s.Data = "/DCTDecode", [][]byte{p.Data}
		return s, nil
	case "PNG":
	default:
		return s, fmt.Errorf("%w: prepared type %q", ErrUnsupported, p.Type)
	}
	if len(p.Data) < 8+8+13 || string(p.Data[12:16]) != "IHDR" {
		return s, fmt.Errorf("%w PNG: no IHDR", ErrCorrupt)
	}
	ihdr := p.Data[16:29]
	s.Width = int(binary.BigEndian.Uint32(ihdr[0:]))
	s.Height = int(binary.BigEndian.Uint32(ihdr[4:]))
	depth, colorType, interlace := ihdr[8], ihdr[9], ihdr[12]
	if depth != 8 || interlace != 0 {
		return s, fmt.Errorf("%w: %d-bit or interlaced PNG", ErrUnsupported, depth)
	}
	colors := 0
	switch colorType {
	case 0:
		s.ColorSpace, colors = "/DeviceGray", 1
	case 2:
		s.ColorSpace, colors = "/DeviceRGB", 3
	case 3:
		colors = 1
	default:
		return s, fmt.Errorf("%w: PNG colour type %d with alpha", ErrUnsupported, colorType)
	}
	ended := false
	pngChunks(p.Data, func(typ string, body []byte, _ bool) bool {
		switch typ {
		case "PLTE":
			if colorType == 3 && len(body) >= 3 {
				var hex bytes.Buffer
				fmt.Fprintf(&hex, "[/Indexed /DeviceRGB %d <", len(body)/3-1)
				fmt.Fprintf(&hex, "%x", body[:len(body)/3*3])
				hex.WriteString(">]")
				s.ColorSpace = hex.String()
			}
		case "IDAT":
			s.Data = append(s.Data, body)
		case "IEND":
			ended = true
			return false
		}
		return true
	})
	if !ended || s.Len() == 0 || s.ColorSpace == "" {
		return s, errors.New("corrupt PNG: no image data, palette or end")
	}
	s.Filter = "/FlateDecode"
	s.DecodeParms = fmt.Sprintf("<< /Predictor 15 /Colors %d /BitsPerComponent 8 /Columns %d >>", colors, s.Width)
	return s, nil
}
