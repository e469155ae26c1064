package photo

import (
	"bytes"
	"encoding/binary"
	"time"
)

func isJPEG(b []byte) bool { return len(b) >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF }
func isPNG(b []byte) bool  { return bytes.HasPrefix(b, []byte("\x89PNG\r\n\x1a\n")) }
func isWebP(b []byte) bool {
	return len(b) >= 12 && string(b[:4]) == "RIFF" && string(b[8:12]) == "WEBP"
}
func isTIFF(b []byte) bool {
	return bytes.HasPrefix(b, []byte("II*\x00")) || bytes.HasPrefix(b, []byte("MM\x00*"))
}
func isISOBMFF(b []byte) bool { return len(b) >= 12 && string(b[4:8]) == "ftyp" }

// jpegEXIF returns the TIFF structure of a JPEG's first APP1 "Exif"
// segment before the image data, or nil.
func jpegEXIF(data []byte) []byte {
	for p := 2; p+4 <= len(data); {
		if data[p] != 0xFF {
			return nil // lost sync
		}
		m := data[p+1]
		switch {
		case m == 0xFF: // fill byte
			p++
			continue
		case m == 0x01 || m >= 0xD0 && m <= 0xD8: // markers without a length
			p += 2
			continue
		case m == 0xDA || m == 0xD9: // image data or end: no EXIF before it
			return nil
		}
		n := int(binary.BigEndian.Uint16(data[p+2 : p+4]))
		if n < 2 || p+2+n > len(data) {
			return nil
		}
		seg := data[p+4 : p+2+n]
		if m == 0xE1 && bytes.HasPrefix(seg, []byte("Exif\x00")) && len(seg) >= 6 {
			return seg[6:]
		}
		p += 2 + n
	}
	return nil
}

// pngChunks returns a PNG's eXIf data and its tIME, if any. Chunk CRCs
// are not checked: a damaged chunk gives an implausible or unreadable
// value, which is then ignored.
func pngChunks(data []byte) (exif []byte, tm *Time) {
	for p := 8; p+12 <= len(data); {
		n := int64(binary.BigEndian.Uint32(data[p:]))
		typ := string(data[p+4 : p+8])
		end := int64(p) + 12 + n
		if n > int64(len(data)) || end > int64(len(data)) {
			return exif, tm
		}
		body := data[p+8 : p+8+int(n)]
		switch typ {
		case "eXIf", "exIf": // the second is an early, unofficial spelling
			if exif == nil {
				exif = body
			}
		case "tIME":
			if tm == nil && len(body) == 7 {
				if t, ok := pngTime(body); ok {
					tm = &t
				}
			}
		case "IEND":
			return exif, tm
		}
		p = int(end)
	}
	return exif, tm
}

// pngTime reads a tIME chunk: year (2 bytes), month, day, hour, minute,
// second, in UTC.
func pngTime(b []byte) (Time, bool) {
	y := int(binary.BigEndian.Uint16(b))
	mo, d, h, mi, s := int(b[2]), int(b[3]), int(b[4]), int(b[5]), int(b[6])
	if mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 60 {
		return Time{}, false
	}
	if d > time.Date(y, time.Month(mo)+1, 0, 0, 0, 0, 0, time.UTC).Day() {
		return Time{}, false
	}
	if s == 60 {
		s = 59 // a leap second, which Go's time cannot hold
	}
	at := time.Date(y, time.Month(mo), d, h, mi, s, 0, time.UTC)
	return Time{At: at, OffsetKnown: true, Source: SourcePNGTime, Tag: "tIME"}, true
}

// webpEXIF returns the data of a WebP file's EXIF chunk, or nil.
func webpEXIF(data []byte) []byte {
	for p := 12; p+8 <= len(data); {
		n := int64(binary.LittleEndian.Uint32(data[p+4:]))
		end := int64(p) + 8 + n
		if end > int64(len(data)) {
			return nil
		}
		if string(data[p:p+4]) == "EXIF" {
			return data[p+8 : end]
		}
		p = int(end + n%2) // chunks are padded to an even length
	}
	return nil
}

// box is one ISO base media file box: its type and contents.
type box struct {
	typ  string
	body []byte
	at   int64 // where the body starts in the file
}

// boxes splits b (which starts at file offset base) into boxes; it stops
// at the first one that does not fit.
func boxes(b []byte, base int64) []box {
	var out []box
	for p := int64(0); p+8 <= int64(len(b)); {
		size := int64(binary.BigEndian.Uint32(b[p:]))
		typ := string(b[p+4 : p+8])
		head := int64(8)
		switch size {
		case 0:
			size = int64(len(b)) - p
		case 1:
			if p+16 > int64(len(b)) {
				return out
			}
			size = int64(binary.BigEndian.Uint64(b[p+8:]))
			head = 16
		}
		if size < head || size > int64(len(b))-p {
			return out
		}
		out = append(out, box{typ, b[p+head : p+size], base + p + head})
		p += size
	}
	return out
}

func find(bs []box, typ string) (box, bool) {
	for _, b := range bs {
		if b.typ == typ {
			return b, true
		}
	}
	return box{}, false
}

// heifEXIF returns the TIFF structure of the Exif item of a HEIF file
// (HEIC, AVIF): meta/iinf names the item, meta/iloc says where it is.
func heifEXIF(data []byte) []byte {
	meta, ok := find(boxes(data, 0), "meta")
	if !ok || len(meta.body) < 4 {
		return nil
	}
	inner := boxes(meta.body[4:], meta.at+4) // meta is a full box
	iinf, ok1 := find(inner, "iinf")
	iloc, ok2 := find(inner, "iloc")
	if !ok1 || !ok2 {
		return nil
	}
	id, ok := exifItem(iinf.body)
	if !ok {
		return nil
	}
	idat, _ := find(inner, "idat")
	item := locate(iloc.body, id, data, idat.body)
	if len(item) < 4 {
		return nil
	}
	skip := int64(binary.BigEndian.Uint32(item)) // offset of the TIFF header after this field
	if skip > int64(len(item))-4 {
		return nil
	}
	return item[4+skip:]
}

// exifItem finds the ID of the item of type "Exif" in an iinf box.
func exifItem(b []byte) (uint32, bool) {
	if len(b) < 6 {
		return 0, false
	}
	p := 6 // version, flags, 16-bit count
	if b[0] != 0 {
		p = 8
	}
	if p > len(b) {
		return 0, false
	}
	for _, e := range boxes(b[p:], 0) {
		if e.typ != "infe" || len(e.body) < 4 {
			continue
		}
		v, r := e.body[0], e.body[4:]
		var id uint32
		switch {
		case v == 2 && len(r) >= 8:
			id, r = uint32(binary.BigEndian.Uint16(r)), r[4:]
		case v == 3 && len(r) >= 10:
			id, r = binary.BigEndian.Uint32(r), r[6:]
		default:
			continue
		}
		if string(r[:4]) == "Exif" {
			return id, true
		}
	}
	return 0, false
}

// locate returns the bytes of item id as an iloc box places them, in the
// file (construction method 0) or in the idat box (method 1).
func locate(b []byte, id uint32, file, idat []byte) []byte {
	if len(b) < 8 {
		return nil
	}
	v := b[0]
	offSize, lenSize := int(b[4]>>4), int(b[4]&15)
	baseSize, idxSize := int(b[5]>>4), int(b[5]&15)
	if v == 0 {
		idxSize = 0
	}
	p := 6
	read := func(n int) (uint64, bool) {
		if n != 0 && n != 4 && n != 8 || p+n > len(b) {
			return 0, false
		}
		var x uint64
		switch n {
		case 4:
			x = uint64(binary.BigEndian.Uint32(b[p:]))
		case 8:
			x = binary.BigEndian.Uint64(b[p:])
		}
		p += n
		return x, true
	}
	read16 := func() (uint64, bool) {
		if p+2 > len(b) {
			return 0, false
		}
		x := uint64(binary.BigEndian.Uint16(b[p:]))
		p += 2
		return x, true
	}
	var count uint64
	var ok bool
	if v < 2 {
		count, ok = read16()
	} else {
		count, ok = read(4)
	}
	if !ok {
		return nil
	}
	for i := uint64(0); i < count; i++ {
		var itemID, method uint64
		if v < 2 {
			itemID, ok = read16()
		} else {
			itemID, ok = read(4)
		}
		if !ok {
			return nil
		}
		if v == 1 || v == 2 {
			if method, ok = read16(); !ok {
				return nil
			}
			method &= 15
		}
		if _, ok = read16(); !ok { // data reference index
			return nil
		}
		base, ok := read(baseSize)
		if !ok {
			return nil
		}
		extents, ok := read16()
		if !ok {
			return nil
		}
		var out []byte
		for j := uint64(0); j < extents; j++ {
			if _, ok = read(idxSize); !ok {
				return nil
			}
			off, ok1 := read(offSize)
			n, ok2 := read(lenSize)
			if !ok1 || !ok2 {
				return nil
			}
			if uint32(itemID) != id {
				continue
			}
			src := file
			if method == 1 {
				src = idat
			} else if method != 0 {
				return nil
			}
			start := base + off
			if n == 0 && start <= uint64(len(src)) {
				n = uint64(len(src)) - start // to the end
			}
			if start > uint64(len(src)) || n > uint64(len(src))-start || len(out)+int(n) > 1<<20 {
				return nil
			}
			out = append(out, src[start:start+n]...)
		}
		if uint32(itemID) == id {
			return out
		}
	}
	return nil
}
