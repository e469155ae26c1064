package photo

import (
	"bytes"
	"encoding/binary"
	"strconv"
	"strings"
	"time"
)

// EXIF tags read here.
const (
	tagDateTime            = 0x0132 // IFD0: when the file was last changed
	tagExifIFD             = 0x8769 // IFD0: pointer to the Exif IFD
	tagDateTimeOriginal    = 0x9003
	tagDateTimeDigitized   = 0x9004
	tagOffsetTime          = 0x9010
	tagOffsetTimeOriginal  = 0x9011
	tagOffsetTimeDigitized = 0x9012
	tagSubSecTime          = 0x9290
	tagSubSecTimeOriginal  = 0x9291
	tagSubSecTimeDigitized = 0x9292
)

// exifTimes reads the three EXIF times of a TIFF structure, best first:
// DateTimeOriginal, DateTimeDigitized, DateTime. Unreadable or missing
// ones are left out.
func exifTimes(t []byte, src Source) []Time {
	t = bytes.TrimPrefix(t, []byte("Exif\x00\x00"))
	tags := readTIFF(t)
	if tags == nil {
		return nil
	}
	var out []Time
	for _, f := range []struct {
		name               string
		at, offset, subsec uint16
	}{
		{"DateTimeOriginal", tagDateTimeOriginal, tagOffsetTimeOriginal, tagSubSecTimeOriginal},
		{"DateTimeDigitized", tagDateTimeDigitized, tagOffsetTimeDigitized, tagSubSecTimeDigitized},
		{"DateTime", tagDateTime, tagOffsetTime, tagSubSecTime},
	} {
		if at, known, ok := exifTime(tags[f.at], tags[f.offset], tags[f.subsec]); ok {
			out = append(out, Time{At: at, OffsetKnown: known, Source: src, Tag: f.name})
		}
	}
	return out
}

// readTIFF returns the ASCII values of the date tags in IFD0 and the Exif
// IFD of a TIFF structure, or nil when it is not one. Every offset is
// checked against the data.
func readTIFF(t []byte) map[uint16]string {
	if len(t) < 8 {
		return nil
	}
	var bo binary.ByteOrder
	switch string(t[:2]) {
	case "II":
		bo = binary.LittleEndian
	case "MM":
		bo = binary.BigEndian
	default:
		return nil
	}
	if bo.Uint16(t[2:4]) != 42 {
		return nil
	}
	tags := map[uint16]string{}
	exifIFD := readIFD(t, bo, int64(bo.Uint32(t[4:8])), tags)
	if exifIFD > 0 {
		readIFD(t, bo, exifIFD, tags)
	}
	return tags
}

// readIFD stores the wanted ASCII tags of the IFD at off in tags and
// returns the Exif IFD pointer if it holds one (0 otherwise).
func readIFD(t []byte, bo binary.ByteOrder, off int64, tags map[uint16]string) int64 {
	n := int64(len(t))
	if off < 8 || off+2 > n {
		return 0
	}
	count := int64(bo.Uint16(t[off:]))
	var exif int64
	for i := int64(0); i < count; i++ {
		e := off + 2 + 12*i
		if e+12 > n {
			break
		}
		tag, typ, cnt := bo.Uint16(t[e:]), bo.Uint16(t[e+2:]), int64(bo.Uint32(t[e+4:]))
		switch tag {
		case tagExifIFD:
			if (typ == 4 || typ == 13) && cnt == 1 {
				exif = int64(bo.Uint32(t[e+8:]))
			}
		case tagDateTime, tagDateTimeOriginal, tagDateTimeDigitized,
			tagOffsetTime, tagOffsetTimeOriginal, tagOffsetTimeDigitized,
			tagSubSecTime, tagSubSecTimeOriginal, tagSubSecTimeDigitized:
			if typ != 2 && typ != 7 || cnt <= 0 || cnt > 64 {
				continue // ASCII (or UNDEFINED from sloppy writers), short
			}
			var v []byte
			if cnt <= 4 {
				v = t[e+8 : e+8+cnt]
			} else {
				p := int64(bo.Uint32(t[e+8:]))
				if p < 0 || p+cnt > n {
					continue
				}
				v = t[p : p+cnt]
			}
			if _, seen := tags[tag]; !seen {
				tags[tag] = strings.TrimRight(string(v), "\x00 ")
			}
		}
	}
	if exif == off {
		return 0 // a loop
	}
	return exif
}

// exifTime parses an EXIF date ("2025:11:25 10:30:00"), its offset
// ("+08:00") and sub-seconds ("123"). A malformed offset or sub-second
// value is ignored; a malformed date is not ok.
func exifTime(dt, offset, subsec string) (time.Time, bool, bool) {
	dt = strings.TrimSpace(dt)
	if len(dt) < 19 {
		return time.Time{}, false, false
	}
	num := func(s string) int {
		v, err := strconv.Atoi(s)
		if err != nil || strings.ContainsAny(s, "+- ") {
			return -1
		}
		return v
	}
	y, mo, d := num(dt[0:4]), num(dt[5:7]), num(dt[8:10])
	h, mi, s := num(dt[11:13]), num(dt[14:16]), num(dt[17:19])
	for _, i := range []int{4, 7} {
		if c := dt[i]; c != ':' && c != '-' && c != '/' {
			return time.Time{}, false, false
		}
	}
	if c := dt[10]; c != ' ' && c != 'T' {
		return time.Time{}, false, false
	}
	if dt[13] != ':' || dt[16] != ':' {
		return time.Time{}, false, false
	}
	if y < 1 || mo < 1 || mo > 12 || d < 1 || h < 0 || h > 23 || mi < 0 || mi > 59 || s < 0 || s > 59 {
		return time.Time{}, false, false
	}
	if d > time.Date(y, time.Month(mo)+1, 0, 0, 0, 0, 0, time.UTC).Day() {
		return time.Time{}, false, false
	}
	ns := 0
	if sub := strings.TrimSpace(subsec); sub != "" && len(sub) <= 9 && num(sub) >= 0 {
		ns = num(sub)
		for i := len(sub); i < 9; i++ {
			ns *= 10
		}
	}
	loc, known := NoOffset, false
	if z, ok := parseOffset(strings.TrimSpace(offset)); ok {
		loc, known = z, true
	}
	return time.Date(y, time.Month(mo), d, h, mi, s, ns, loc), known, true
}

// parseOffset reads an EXIF OffsetTime value: "+08:00", "-05:30" or "Z".
func parseOffset(s string) (*time.Location, bool) {
	if s == "Z" {
		return time.UTC, true
	}
	if len(s) != 6 || (s[0] != '+' && s[0] != '-') || s[3] != ':' {
		return nil, false
	}
	h, err1 := strconv.Atoi(s[1:3])
	m, err2 := strconv.Atoi(s[4:6])
	if err1 != nil || err2 != nil || h > 14 || m > 59 || strings.ContainsAny(s[1:], "+- ") {
		return nil, false
	}
	secs := h*3600 + m*60
	if s[0] == '-' {
		secs = -secs
	}
	return time.FixedZone("", secs), true
}
