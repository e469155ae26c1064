package evidence

import (
	"encoding/json"
	"slices"
	"time"
)

// Where a picture's capture time came from (Taken.Source), from the most
// to the least trustworthy.
const (
	TakenScreen    = "screen"        // a screenshot Redress took itself: the moment it took it
	TakenEXIF      = "exif"          // EXIF in a JPEG, WebP, HEIC/AVIF or TIFF file
	TakenPNGEXIF   = "png-exif"      // EXIF in a PNG eXIf chunk
	TakenPNGTime   = "png-time"      // a PNG tIME chunk (UTC by the PNG specification)
	TakenClipboard = "clipboard"     // pasted from the clipboard: the moment of the paste
	TakenFileTime  = "file-modified" // the file's modification time: when it was last saved
)

// TakenSources lists every capture-time source.
var TakenSources = []string{TakenScreen, TakenEXIF, TakenPNGEXIF, TakenPNGTime, TakenClipboard, TakenFileTime}

// Taken is when a picture was taken, as far as Redress can tell, kept
// beside the time it was added (Attachment.Imported).
type Taken struct {
	// At is the time. When OffsetKnown it is an instant with the offset
	// the source gave. Otherwise it is a clock reading (a camera that
	// records no UTC offset): its year to nanosecond are what the camera
	// showed, its location means nothing, and it must be placed in a zone
	// (In) before it is compared with anything.
	At          time.Time
	OffsetKnown bool
	Source      string // one of TakenSources
	Tag         string // the field read: "DateTimeOriginal", "tIME"…; empty for the others
	// ConvertedFrom is, for a pasted picture the clipboard offered in
	// another format than PNG, that format ("image/bmp"): the stored PNG
	// was made by Redress from it. Empty when the bytes are the
	// clipboard's own.
	ConvertedFrom string
}

// In places the time in loc: an instant is only shown in loc; a clock
// reading without an offset is taken to be loc's local time.
func (t Taken) In(loc *time.Location) time.Time {
	if t.At.IsZero() || t.OffsetKnown {
		return t.At.In(loc)
	}
	a := t.At
	return time.Date(a.Year(), a.Month(), a.Day(), a.Hour(), a.Minute(), a.Second(), a.Nanosecond(), loc)
}

// clockLayout is a time without an offset, as Taken's JSON writes a clock
// reading.
const clockLayout = "2006-01-02T15:04:05.999999999"

type takenJSON struct {
	At            string `json:"at"`
	OffsetKnown   bool   `json:"offset_known"`
	Source        string `json:"source"`
	Tag           string `json:"tag,omitempty"`
	ConvertedFrom string `json:"converted_from,omitempty"`
}

// MarshalJSON writes the time as RFC 3339 with its offset, or, when the
// offset is not known, as a date and time without one
// ("2026-11-20T14:31:00"), so that no reader takes it for UTC.
func (t Taken) MarshalJSON() ([]byte, error) {
	j := takenJSON{OffsetKnown: t.OffsetKnown, Source: t.Source, Tag: t.Tag, ConvertedFrom: t.ConvertedFrom}
	if t.OffsetKnown {
		j.At = t.At.Format(time.RFC3339Nano)
	} else {
		j.At = t.At.Format(clockLayout)
	}
	return json.Marshal(j)
}

// UnmarshalJSON reads what MarshalJSON writes.
func (t *Taken) UnmarshalJSON(b []byte) error {
	var j takenJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	*t = Taken{OffsetKnown: j.OffsetKnown, Source: j.Source, Tag: j.Tag, ConvertedFrom: j.ConvertedFrom}
	var err error
	if j.OffsetKnown {
		t.At, err = time.Parse(time.RFC3339Nano, j.At)
	} else {
		t.At, err = time.ParseInLocation(clockLayout, j.At, time.UTC)
	}
	if err != nil {
		return &FieldError{Field: "taken", Reason: ReasonMalformedTime, Value: j.At}
	}
	return nil
}

// Validate checks a capture time: a known source, a plausible date, clean
// single-line text.
func (t *Taken) Validate() error {
	var es Errors
	t.validate(&es)
	return es.err()
}

func (t *Taken) validate(es *Errors) {
	if !slices.Contains(TakenSources, t.Source) {
		es.add(&FieldError{Field: "taken", Reason: ReasonUnknownValue, Value: t.Source, Allowed: TakenSources})
	}
	if t.At.IsZero() {
		es.add(&FieldError{Field: "taken", Reason: ReasonRequired})
	} else {
		es.add(CheckDate("taken", t.At, time.Time{}, ""))
	}
	checkTexts(es, textField{"taken", t.Tag, false}, textField{"taken", t.ConvertedFrom, false})
	es.add(optional("taken", t.Tag, 60))
	es.add(optional("taken", t.ConvertedFrom, 60))
}
