package images

import (
	"encoding/binary"
	"testing"
)

func TestJPEGOrientation(t *testing.T) {
	jpg := encodeJPEG(t, pattern(8, 8), 90)
	tiffLE := func(tag, typ uint16, count uint32, value uint32) []byte {
		b := []byte("Exif\x00\x00II*\x00\x08\x00\x00\x00\x01\x00")
		b = binary.LittleEndian.AppendUint16(b, tag)
		b = binary.LittleEndian.AppendUint16(b, typ)
		b = binary.LittleEndian.AppendUint32(b, count)
		b = binary.LittleEndian.AppendUint32(b, value)
		return append(b, 0, 0, 0, 0)
	}
	app1 := func(seg []byte) []byte {
		out := append([]byte{0xFF, 0xD8, 0xFF, 0xE1, byte((len(seg) + 2) >> 8), byte(len(seg) + 2)}, seg...)
		return append(out, jpg[2:]...)
	}
	tests := []struct {
		name string
		data []byte
		want int
	}{
		{"no EXIF", jpg, 1},
		{"big-endian 6", withEXIF(jpg, 6, binary.BigEndian), 6},
		{"little-endian 8", withEXIF(jpg, 8, binary.LittleEndian), 8},
		{"SHORT", app1(tiffLE(0x0112, 3, 1, 3)), 3},
		{"LONG from a sloppy writer", app1(tiffLE(0x0112, 4, 1, 5)), 5},
		{"out of range", withEXIF(jpg, 9, binary.BigEndian), 1},
		{"zero", withEXIF(jpg, 0, binary.BigEndian), 1},
		{"wrong type", app1(tiffLE(0x0112, 2, 1, 6)), 1},
		{"other tag only", app1(tiffLE(0x0110, 3, 1, 6)), 1},
		{"IFD offset beyond the segment", app1([]byte("Exif\x00\x00II*\x00\xff\x00\x00\x00")), 1},
		{"entry count beyond the segment", app1([]byte("Exif\x00\x00MM\x00*\x00\x00\x00\x08\xff\xff")), 1},
		{"bad byte order", app1([]byte("Exif\x00\x00XX*\x00\x08\x00\x00\x00\x00\x00")), 1},
		{"XMP, not EXIF", app1([]byte("http://ns.adobe.com/xap/1.0/\x00<x/>")), 1},
		{"segment length past the end", []byte{0xFF, 0xD8, 0xFF, 0xE1, 0xFF, 0xFF, 'E', 'x'}, 1},
		{"segment length too small", []byte{0xFF, 0xD8, 0xFF, 0xE1, 0x00, 0x01}, 1},
		{"not a JPEG", []byte("hello"), 1},
		{"empty", nil, 1},
		{"EXIF after the scan is ignored", append(append([]byte{}, jpg...), withEXIF([]byte{0xFF, 0xD8}, 6, binary.BigEndian)...), 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := jpegOrientation(tt.data); got != tt.want {
				t.Errorf("jpegOrientation() = %d, want %d", got, tt.want)
			}
		})
	}
}

// FuzzJPEGOrientation checks that no input makes the EXIF reader panic or
// return anything but 1–8.
func FuzzJPEGOrientation(f *testing.F) {
	jpg := encodeJPEG(f, pattern(8, 8), 90)
	f.Add(jpg)
	f.Add(withEXIF(jpg, 6, binary.BigEndian)[:200])
	f.Add(withEXIF(jpg, 3, binary.LittleEndian)[:120])
	f.Fuzz(func(t *testing.T, data []byte) {
		if o := jpegOrientation(data); o < 1 || o > 8 {
			t.Fatalf("jpegOrientation() = %d, want 1–8", o)
		}
	})
}
