package photo

import (
	"encoding/binary"
	"hash/crc32"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// now is the clock the tests run at: after every fixture, before 2031.
var now = time.Date(2026, 1, 15, 12, 0, 0, 0, time.UTC)

func read(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestTaken(t *testing.T) {
	mod := time.Date(2025, 12, 24, 18, 0, 0, 0, time.UTC)
	at := func(y int, mo time.Month, d, h, mi, s, ns, offset int) time.Time {
		return time.Date(y, mo, d, h, mi, s, ns, time.FixedZone("", offset))
	}
	noOffset := func(y int, mo time.Month, d, h, mi, s int) time.Time {
		return time.Date(y, mo, d, h, mi, s, 0, NoOffset)
	}
	tests := []struct {
		file        string
		at          time.Time
		offsetKnown bool
		source      Source
		tag         string
	}{
		{"jpeg-offset.jpg", at(2025, 11, 25, 10, 30, 0, 125e6, 8*3600), true, SourceEXIF, "DateTimeOriginal"},
		{"jpeg-no-offset.jpg", noOffset(2025, 11, 25, 10, 30, 0), false, SourceEXIF, "DateTimeOriginal"},
		{"jpeg-little-endian.jpg", at(2024, 2, 29, 23, 59, 59, 0, -5*3600), true, SourceEXIF, "DateTimeOriginal"},
		{"jpeg-digitized.jpg", at(2025, 6, 1, 7, 15, 0, 0, 5*3600+1800), true, SourceEXIF, "DateTimeDigitized"},
		{"jpeg-datetime.jpg", at(2025, 1, 2, 3, 4, 5, 0, 3600), true, SourceEXIF, "DateTime"},
		{"jpeg-zero-original.jpg", noOffset(2025, 1, 2, 3, 4, 5), false, SourceEXIF, "DateTime"},
		{"jpeg-1980.jpg", mod, true, SourceFileModified, ""},
		{"jpeg-future.jpg", mod, true, SourceFileModified, ""},
		{"jpeg-plain.jpg", mod, true, SourceFileModified, ""},
		{"png-time.png", time.Date(2025, 11, 25, 2, 30, 0, 0, time.UTC), true, SourcePNGTime, "tIME"},
		{"png-exif.png", at(2025, 11, 25, 10, 30, 0, 0, 8*3600), true, SourcePNGEXIF, "DateTimeOriginal"},
		{"png-exif-time.png", noOffset(2025, 11, 25, 10, 30, 0), false, SourcePNGEXIF, "DateTimeOriginal"},
		{"png-datetime-time.png", time.Date(2025, 11, 25, 2, 30, 0, 0, time.UTC), true, SourcePNGTime, "tIME"},
		{"webp-exif.webp", at(2025, 11, 25, 10, 30, 0, 0, 8*3600), true, SourceEXIF, "DateTimeOriginal"},
		{"heic-exif.heic", at(2025, 11, 25, 10, 30, 0, 0, 9*3600), true, SourceEXIF, "DateTimeOriginal"},
		{"garbage.bin", mod, true, SourceFileModified, ""},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			got := Taken(read(t, tt.file), mod, now)
			if !got.At.Equal(tt.at) || got.OffsetKnown != tt.offsetKnown || got.Source != tt.source || got.Tag != tt.tag {
				t.Errorf("Taken(%s) = %v %v known=%v %q, want %v %v known=%v %q",
					tt.file, got.At, got.Source, got.OffsetKnown, got.Tag, tt.at, tt.source, tt.offsetKnown, tt.tag)
			}
			_, gotOff := got.At.Zone()
			_, wantOff := tt.at.Zone()
			if gotOff != wantOff {
				t.Errorf("Taken(%s) offset = %d s, want %d s", tt.file, gotOff, wantOff)
			}
			if !tt.offsetKnown && got.At.Location() != NoOffset {
				t.Errorf("Taken(%s) location = %v, want NoOffset", tt.file, got.At.Location())
			}
		})
	}
}

func TestTakenWithoutModTime(t *testing.T) {
	tests := []struct {
		name string
		data []byte
	}{
		{"garbage", read(t, "garbage.bin")},
		{"empty", nil},
		{"JPEG without EXIF", read(t, "jpeg-plain.jpg")},
		{"implausible EXIF", read(t, "jpeg-1980.jpg")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Taken(tt.data, time.Time{}, now)
			if got.Source != SourceUnknown || !got.At.IsZero() {
				t.Errorf("Taken(%s, no mod time) = %v, want unknown", tt.name, got)
			}
		})
	}
	if got := Taken(read(t, "jpeg-plain.jpg"), time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC), now); got.Source != SourceUnknown {
		t.Errorf("Taken(mod time 1970) = %v, want unknown", got)
	}
}

func TestPlausible(t *testing.T) {
	tests := []struct {
		name string
		at   time.Time
		know bool
		want bool
	}{
		{"an hour ago", now.Add(-time.Hour), true, true},
		{"23 hours ahead", now.Add(23 * time.Hour), true, true},
		{"25 hours ahead", now.Add(25 * time.Hour), true, false},
		{"clock reading 30 hours ahead (could be +14:00)", now.Add(30 * time.Hour).In(NoOffset), false, true},
		{"clock reading 40 hours ahead", now.Add(40 * time.Hour).In(NoOffset), false, false},
		{"1989", time.Date(1989, 12, 31, 23, 0, 0, 0, time.UTC), true, false},
		{"1990", time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC), true, true},
		{"zero", time.Time{}, true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := plausible(Time{At: tt.at, OffsetKnown: tt.know}, now); got != tt.want {
				t.Errorf("plausible(%v, known=%v) = %v, want %v", tt.at, tt.know, got, tt.want)
			}
		})
	}
}

func TestExifTime(t *testing.T) {
	tests := []struct {
		dt, off, sub string
		want         string // RFC 3339 with nanoseconds, "" when not ok
		known        bool
	}{
		{"2025:11:25 10:30:00", "+08:00", "", "2025-11-25T10:30:00+08:00", true},
		{"2025:11:25 10:30:00", "-09:30", "5", "2025-11-25T10:30:00.5-09:30", true},
		{"2025:11:25 10:30:00", "", "007", "2025-11-25T10:30:00.007Z", false},
		{"2025-11-25T10:30:00", "Z", "", "2025-11-25T10:30:00Z", true},
		{"2025:11:25 10:30:00\x00", "+8:00", "x", "2025-11-25T10:30:00Z", false},
		{"0000:00:00 00:00:00", "", "", "", false},
		{"    :  :     :  :  ", "", "", "", false},
		{"2025:02:29 10:00:00", "", "", "", false},
		{"2025:13:01 10:00:00", "", "", "", false},
		{"2025:11:25 24:00:00", "", "", "", false},
		{"2025:11:25", "", "", "", false},
		{"+025:11:25 10:30:00", "", "", "", false},
	}
	for _, tt := range tests {
		at, known, ok := exifTime(tt.dt, tt.off, tt.sub)
		got := ""
		if ok {
			got = at.Format(time.RFC3339Nano)
		}
		if got != tt.want || (ok && known != tt.known) {
			t.Errorf("exifTime(%q, %q, %q) = %q known=%v, want %q known=%v", tt.dt, tt.off, tt.sub, got, known, tt.want, tt.known)
		}
	}
}

// pngWith builds a PNG signature followed by the given chunks (IEND last).
func pngWith(chunks ...[2]string) []byte {
	b := []byte("\x89PNG\r\n\x1a\n")
	for _, c := range append(chunks, [2]string{"IEND", ""}) {
		var n [4]byte
		binary.BigEndian.PutUint32(n[:], uint32(len(c[1])))
		b = append(b, n[:]...)
		b = append(b, c[0]...)
		b = append(b, c[1]...)
		binary.BigEndian.PutUint32(n[:], crc32.ChecksumIEEE([]byte(c[0]+c[1])))
		b = append(b, n[:]...)
	}
	return b
}

func TestPNGTime(t *testing.T) {
	tests := []struct {
		name string
		body string
		want string
	}{
		{"valid", "\x07\xe9\x0b\x19\x02\x1e\x00", "2025-11-25T02:30:00Z"},
		{"leap second", "\x07\xe9\x0c\x1f\x17\x3b\x3c", "2025-12-31T23:59:59Z"},
		{"month 0", "\x07\xe9\x00\x19\x02\x1e\x00", ""},
		{"31 November", "\x07\xe9\x0b\x1f\x02\x1e\x00", ""},
		{"short", "\x07\xe9\x0b\x19\x02\x1e", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Taken(pngWith([2]string{"tIME", tt.body}), time.Time{}, now)
			s := ""
			if got.Source == SourcePNGTime {
				s = got.At.Format(time.RFC3339)
			}
			if s != tt.want {
				t.Errorf("Taken(PNG tIME %q) = %q (%v), want %q", tt.body, s, got.Source, tt.want)
			}
		})
	}
}

func TestIn(t *testing.T) {
	shanghai := time.FixedZone("CST", 8*3600)
	floating := Time{At: time.Date(2025, 11, 25, 10, 30, 0, 0, NoOffset), Source: SourceEXIF}
	if got, want := floating.In(shanghai), time.Date(2025, 11, 25, 10, 30, 0, 0, shanghai); !got.Equal(want) {
		t.Errorf("In(shanghai) of a clock reading = %v, want %v", got, want)
	}
	fixed := Time{At: time.Date(2025, 11, 25, 10, 30, 0, 0, shanghai), OffsetKnown: true}
	if got := fixed.In(time.UTC); !got.Equal(fixed.At) || got.Hour() != 2 {
		t.Errorf("In(UTC) of an instant = %v, want 02:30 UTC", got)
	}
	if got, want := floating.String(), "2025-11-25 10:30:00 (offset unknown, exif)"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
}
