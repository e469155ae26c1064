// Package photo tells when a picture was taken, from what the file itself
// records: EXIF DateTimeOriginal (with OffsetTimeOriginal and
// SubSecTimeOriginal), falling back to DateTimeDigitized and DateTime, in
// JPEG, PNG (eXIf), WebP, HEIC/AVIF and TIFF files; the PNG tIME chunk;
// and, labelled as such, the file's modification time.
//
// A camera that records no UTC offset records a wall-clock reading, not an
// instant: such a time keeps OffsetKnown false and is never passed off as
// UTC. Values no camera could have written — before 1990, zero dates,
// more than a day after now — are ignored.
//
// The EXIF reader is small and careful rather than a library: every offset
// is checked, garbage gives SourceUnknown (or the modification time),
// never a panic, and it is fuzzed.
package photo

import (
	"time"
)

// Source says where a capture time came from.
type Source string

// The sources, from the most to the least trustworthy.
const (
	SourceEXIF         Source = "exif"          // EXIF in a JPEG, WebP, HEIC/AVIF or TIFF file
	SourcePNGEXIF      Source = "png-exif"      // EXIF in a PNG eXIf chunk
	SourcePNGTime      Source = "png-time"      // a PNG tIME chunk (UTC by the PNG specification)
	SourceFileModified Source = "file-modified" // the file's modification time: when it was last saved, not taken
	SourceUnknown      Source = "unknown"       // nothing usable
)

// NoOffset is the location of a time whose UTC offset the file does not
// record: its clock reading is the camera's, but the zone is unknown. Its
// zero offset only makes the time comparable; use Time.In to place it.
var NoOffset = time.FixedZone("offset unknown", 0)

// Time is when a picture was taken, as far as its file tells.
type Time struct {
	// At is the time. When OffsetKnown, it is an instant in the zone the
	// file gave (UTC for tIME; the system's for the modification time).
	// Otherwise it is the camera's clock reading in the NoOffset location.
	At          time.Time
	OffsetKnown bool
	Source      Source
	// Tag names the field read: "DateTimeOriginal", "DateTimeDigitized",
	// "DateTime", "tIME" or "" for the modification time and unknown.
	Tag string
}

// In places the time in loc: an instant with a known offset is only shown
// in loc; a clock reading without one is taken to be loc's local time.
func (t Time) In(loc *time.Location) time.Time {
	if t.At.IsZero() || t.OffsetKnown {
		return t.At.In(loc)
	}
	return time.Date(t.At.Year(), t.At.Month(), t.At.Day(), t.At.Hour(), t.At.Minute(), t.At.Second(), t.At.Nanosecond(), loc)
}

// String shows the time with its offset, or says the offset is unknown.
func (t Time) String() string {
	if t.At.IsZero() {
		return string(t.Source)
	}
	if !t.OffsetKnown {
		return t.At.Format("2006-01-02 15:04:05.999999999") + " (offset unknown, " + string(t.Source) + ")"
	}
	return t.At.Format("2006-01-02 15:04:05.999999999 -07:00") + " (" + string(t.Source) + ")"
}

// Taken reads when the picture in data was taken. modTime is the file's
// modification time (zero when there is none), used, labelled
// SourceFileModified, when the file records nothing plausible; now bounds
// what is plausible (more than a day after now is a wrong clock).
func Taken(data []byte, modTime, now time.Time) Time {
	var candidates []Time
	switch {
	case isJPEG(data):
		candidates = exifTimes(jpegEXIF(data), SourceEXIF)
	case isPNG(data):
		exif, tm := pngChunks(data)
		candidates = exifTimes(exif, SourcePNGEXIF)
		// tIME is the last modification; it ranks below EXIF's capture
		// and digitising times but above EXIF's own modification time.
		var tail []Time
		for len(candidates) > 0 && candidates[len(candidates)-1].Tag == "DateTime" {
			tail = append(tail, candidates[len(candidates)-1])
			candidates = candidates[:len(candidates)-1]
		}
		if tm != nil {
			candidates = append(candidates, *tm)
		}
		candidates = append(candidates, tail...)
	case isWebP(data):
		candidates = exifTimes(webpEXIF(data), SourceEXIF)
	case isISOBMFF(data):
		candidates = exifTimes(heifEXIF(data), SourceEXIF)
	case isTIFF(data):
		candidates = exifTimes(data, SourceEXIF)
	}
	for _, c := range candidates {
		if plausible(c, now) {
			return c
		}
	}
	if m := (Time{At: modTime, OffsetKnown: true, Source: SourceFileModified}); !modTime.IsZero() && plausible(m, now) {
		return m
	}
	return Time{Source: SourceUnknown}
}

// plausible rejects times no camera could have recorded: before 1990, or
// more than a day after now (for a clock reading without an offset, even
// at the easternmost offset, +14:00).
func plausible(t Time, now time.Time) bool {
	if t.At.IsZero() || t.At.Year() < 1990 {
		return false
	}
	if now.IsZero() {
		return true
	}
	earliest := t.At
	if !t.OffsetKnown {
		earliest = t.At.Add(-14 * time.Hour)
	}
	return !earliest.After(now.Add(24 * time.Hour))
}
