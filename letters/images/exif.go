package images

import "encoding/binary"

// jpegOrientation returns the EXIF orientation (1–8) of a JPEG, or 1 when
// there is none or it cannot be read. It reads the first APP1 "Exif"
// segment before the image data: the TIFF header's byte order, IFD0, tag
// 0x0112. Every offset is checked; garbage yields 1, never a panic.
func jpegOrientation(data []byte) int {
	if len(data) < 4 || data[0] != 0xFF || data[1] != 0xD8 {
		return 1
	}
	for p := 2; p+4 <= len(data); {
		if data[p] != 0xFF {
			return 1 // lost sync: not a marker where one should be
		}
		m := data[p+1]
		switch {
		case m == 0xFF: // fill byte
			p++
			continue
		case m == 0x01 || m >= 0xD0 && m <= 0xD8: // markers without a length
			p += 2
			continue
		case m == 0xDA || m == 0xD9: // start of scan, end of image: no EXIF before the data
			return 1
		}
		n := int(binary.BigEndian.Uint16(data[p+2 : p+4])) // includes the length bytes
		if n < 2 || p+2+n > len(data) {
			return 1
		}
		seg := data[p+4 : p+2+n]
		if m == 0xE1 && len(seg) >= 6 && string(seg[:6]) == "Exif\x00\x00" {
			if o := tiffOrientation(seg[6:]); o != 0 {
				return o
			}
		}
		p += 2 + n
	}
	return 1
}

// tiffOrientation returns the orientation tag of IFD0 of a TIFF structure,
// or 0 when there is none or it is out of range.
func tiffOrientation(t []byte) int {
	if len(t) < 8 {
		return 0
	}
	var bo binary.ByteOrder
	switch string(t[:2]) {
	case "II":
		bo = binary.LittleEndian
	case "MM":
		bo = binary.BigEndian
	default:
		return 0
	}
	if bo.Uint16(t[2:4]) != 42 {
		return 0
	}
	ifd := int64(bo.Uint32(t[4:8]))
	if ifd < 8 || ifd+2 > int64(len(t)) {
		return 0
	}
	count := int64(bo.Uint16(t[ifd:]))
	for i := range count {
		e := ifd + 2 + 12*i
		if e+12 > int64(len(t)) {
			return 0
		}
		if bo.Uint16(t[e:]) != 0x0112 {
			continue
		}
		var v int
		switch typ, cnt := bo.Uint16(t[e+2:]), bo.Uint32(t[e+4:]); {
		case typ == 3 && cnt >= 1: // SHORT, the standard
			v = int(bo.Uint16(t[e+8:]))
		case typ == 4 && cnt >= 1: // LONG, seen from sloppy writers
			v = int(bo.Uint32(t[e+8:]))
		default:
			return 0
		}
		if v < 1 || v > 8 {
			return 0
		}
		return v
	}
	return 0
}
