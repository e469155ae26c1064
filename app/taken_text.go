package app

import (
	"time"

	"redress/evidence"
	"redress/lang"
)

// TakenHow says, in the user's language, where a capture time came from
// and how its zone was decided: "from the photo's EXIF, its own time zone
// +08:00". zone is the case's zone (CaseZone), used for a time whose file
// records no offset.
func TakenHow(l lang.Lang, t evidence.Taken, zone *time.Location) string {
	offset := t.At.Format("-07:00")
	if !t.OffsetKnown {
		offset = t.In(zone).Format("-07:00")
	}
	key := "taken." + t.Source
	switch {
	case t.Source == evidence.TakenClipboard && t.ConvertedFrom != "":
		key += "-converted"
	case (t.Source == evidence.TakenEXIF || t.Source == evidence.TakenPNGEXIF) && !t.OffsetKnown:
		key += "-no-offset"
	}
	s := l.T(key, "offset", offset, "format", t.ConvertedFrom)
	if t.Tag != "" && t.Tag != "DateTimeOriginal" && t.Tag != "tIME" {
		s += " · " + t.Tag
	}
	return s
}

// TakenLine is the capture time beside the import time, as the entry's
// detail and `event show` give it: "Taken 2026-11-20 14:31 (from the
// photo's EXIF, its own time zone +08:00) · Added 2026-11-28 09:02".
// The capture time is written in its own zone (the one the parentheses
// name); when formats the import time. A time without an offset is placed
// in zone.
func TakenLine(l lang.Lang, a evidence.Attachment, zone *time.Location, when func(time.Time) string) string {
	added := when(a.Imported)
	if a.Taken == nil {
		return l.T("taken.added-only", "added", added)
	}
	t := *a.Taken
	return l.T("taken.line", "time", TakenAt(t, zone).Format(TakenLayout), "how", TakenHow(l, t, zone), "added", added)
}

// TakenLayout is how a capture time is written, in its own zone.
const TakenLayout = "2006-01-02 15:04"

// TakenTime is a capture time in its own zone, placed in zone when its
// file records no offset: "2026-11-20 14:31".
func TakenTime(t evidence.Taken, zone *time.Location) string {
	return TakenAt(t, zone).Format(TakenLayout)
}
