package evidence

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Compare orders two events in timeline order: by the instant they
// happened (At, whatever its UTC offset), then by when they were recorded,
// then by ID. It is the one definition of "time order" in Redress: the
// store's ORDER BY, the exhibit numbers, the letters, the escalation
// ladder and the dossier's chronology all follow it, so two events in the
// same minute can never be numbered in one order and listed in another.
func Compare(a, b Event) int {
	return cmp.Or(a.At.Compare(b.At), a.Recorded.Compare(b.Recorded), strings.Compare(a.ID, b.ID))
}

// Sort sorts events in place in timeline order (see Compare).
func Sort(events []Event) { slices.SortStableFunc(events, Compare) }

// Active returns the events that are not archived and have a time, in
// timeline order, in a new slice.
func Active(events []Event) []Event {
	out := make([]Event, 0, len(events))
	for _, e := range events {
		if e.Archived == nil && !e.At.IsZero() {
			out = append(out, e)
		}
	}
	Sort(out)
	return out
}

// Enclosure is one file of the case as it is enclosed with a letter or a
// dossier: an attachment of an active event, numbered E-1, E-2, … in
// timeline order (then in the order of the event's files). It is made by
// Enclosures only, so every consumer gets the same numbers.
type Enclosure struct {
	Number     string // "E-1"
	Attachment Attachment
	EventID    string
	Kind       Kind      // the event's kind
	At         time.Time // when the event happened
	// Caption is the file's caption, else the event's exhibit caption,
	// else the event's title (its summary, transaction ID or notes); empty
	// when the event has none of them, for the reader to name the file by
	// its kind in the document's language.
	Caption string
}

// Enclosures numbers the attachments of the active events (see Active).
func Enclosures(events []Event) []Enclosure {
	var out []Enclosure
	for _, e := range Active(events) {
		for _, a := range e.Attachments {
			caption := a.Caption
			if caption == "" && e.Exhibit != nil {
				caption = e.Exhibit.Caption
			}
			if caption == "" {
				if t := e.Title(); t != string(e.Kind) {
					caption = t
				}
			}
			out = append(out, Enclosure{Number: "E-" + strconv.Itoa(len(out)+1), Attachment: a,
				EventID: e.ID, Kind: e.Kind, At: e.At, Caption: caption})
		}
	}
	return out
}
