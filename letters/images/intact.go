package images

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
)

// intact checks a file's structure without decoding its pixels, so that a
// file gofpdf can embed as it is does not pay for a full decode: a JPEG
// must have well-formed marker segments up to its first scan and end with
// an EOI marker (a truncated download fails); a PNG must have every chunk's
// CRC right and end with IEND. Damage inside the compressed pixel data of a
// JPEG is not detected; such a file still embeds, byte for byte.
func intact(f *format, data []byte) bool {
	switch f {
	case fmtJPEG:
		return jpegIntact(data)
	case fmtPNG:
		return pngIntact(data)
	}
	return false
}

func jpegIntact(data []byte) bool {
	if len(data) < 4 || data[0] != 0xFF || data[1] != 0xD8 {
		return false
	}
	end := bytes.TrimRight(data, "\x00")
	if len(end) < 2 || end[len(end)-2] != 0xFF || end[len(end)-1] != 0xD9 {
		return false
	}
	p := 2
	for p+4 <= len(data) {
		if data[p] != 0xFF {
			return false
		}
		m := data[p+1]
		switch {
		case m == 0xFF: // fill byte
			p++
			continue
		case m == 0xD8 || (m >= 0xD0 && m <= 0xD7) || m == 0x01:
			p += 2
			continue
		case m == 0xD9:
			return false // EOI before any scan
		}
		n := int(binary.BigEndian.Uint16(data[p+2 : p+4]))
		if n < 2 || p+2+n > len(data) {
			return false
		}
		if m == 0xDA { // start of scan: the rest is entropy-coded data
			return true
		}
		p += 2 + n
	}
	return false
}

// pngChunks calls fn with each chunk of a PNG, in order, until fn returns
// false; it reports false when the chunk structure is broken (a length past
// the end) before fn stopped.
func pngChunks(data []byte, fn func(typ string, body []byte, crcOK bool) bool) bool {
	const sig = 8
	if len(data) < sig || string(data[:sig]) != "\x89PNG\r\n\x1a\n" {
		return false
	}
	for p := sig; p+12 <= len(data); {
		n := int(binary.BigEndian.Uint32(data[p : p+4]))
		if n < 0 || p+12+n > len(data) {
			return false
		}
		body := data[p+8 : p+8+n]
		crcOK := crc32.ChecksumIEEE(data[p+4:p+8+n]) == binary.BigEndian.Uint32(data[p+8+n:p+12+n])
		if !fn(string(data[p+4:p+8]), body, crcOK) {
			return true
		}
		p += 12 + n
	}
	return false
}

func pngIntact(data []byte) bool {
	ok, idat := false, false
	pngChunks(data, func(typ string, body []byte, crcOK bool) bool {
		switch {
		case !crcOK:
			return false
		case typ == "IDAT":
			idat = idat || len(body) > 0
		case typ == "IEND":
			ok = idat
			return false
		}
		return true
	})
	return ok
}

// pngHas reports whether a PNG has a chunk of type typ before its image data.
func pngHas(data []byte, typ string) bool {
	found := false
	pngChunks(data, func(t string, _ []byte, _ bool) bool {
		found = found || t == typ
		return t != "IDAT" && t != "IEND"
	})
	return found
}
