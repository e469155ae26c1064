package escalation

import (
	"slices"
	"time"

	"redress/evidence"
)

// TagRecordsRequest marks a letter to the provider that asks for the
// user's own records (chat transcripts, call recordings, transaction
// records) rather than complaining: letters.ComposeRecords writes it, and
// "I sent it" records it with this tag.
const TagRecordsRequest = "records-request"

// tagsRecords are the tags of a records request ("调取记录" is its
// Chinese alias).
var tagsRecords = []string{TagRecordsRequest, "调取记录"}

// IsRecordsRequest reports whether e is a request to the provider for the
// user's own records: a letter to the provider tagged "records-request"
// ("调取记录"). Such a letter is not a formal complaint; it starts the
// records clock (ClockRecordsReply) and no complaint clock.
func IsRecordsRequest(e *evidence.Event) bool {
	return e.Kind == evidence.KindLetter && party(e) == evidence.ToProvider && hasTag(e, tagsRecords)
}

// FinalResponseID is the EventID of the final response the case's
// FinalResponse date stands for when the timeline records none.
const FinalResponseID = "case:final-response"

// withFinalResponse adds the final response the case's FinalResponse date
// stands for (at the end of that day, in the zone of the case's events)
// when the timeline has no final response from the provider: the clocks
// that start from a final response then run from it.
func withFinalResponse(c evidence.Case, events []evidence.Event) []evidence.Event {
	if c.FinalResponse == "" {
		return events
	}
	for i := range events {
		if isFinal(&events[i]) {
			return events
		}
	}
	day, err := time.ParseInLocation(evidence.DateLayout, c.FinalResponse, zoneOf(events))
	if err != nil {
		return events
	}
	at := day.Add(24*time.Hour - time.Second)
	e := evidence.Event{ID: FinalResponseID, CaseID: c.ID, Kind: evidence.KindResponse, At: at, Recorded: at,
		Response: &evidence.Response{From: evidence.ToProvider, Final: true}}
	out := slices.Clone(events)
	i, _ := slices.BinarySearchFunc(out, e, func(a, b evidence.Event) int { return a.At.Compare(b.At) })
	return slices.Insert(out, i, e)
}

// nextBusinessDay moves a due date that falls on a weekend or holiday to
// the end of the next business day (ICO; forms.RecordsClock.Due).
func (c *Calendar) nextBusinessDay(t time.Time) time.Time {
	for i := 0; i < 31 && !c.IsBusinessDay(t); i++ {
		t = t.AddDate(0, 0, 1)
	}
	return t
}
