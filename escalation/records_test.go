package escalation

import (
	"strings"
	"testing"
	"time"

	"redress/evidence"
	"redress/forms"
)

func recordsEv(id string, when time.Time) evidence.Event {
	return letterTo(id, when, evidence.ToProvider, "", TagRecordsRequest)
}

// The records request's clock is tracked like the others, with the dates
// docs/FORMS.md works out (and forms.RecordsClock gives the letter), and it
// starts no complaint clock.
func TestRecordsClock(t *testing.T) {
	london, _ := time.LoadLocation("Europe/London")
	tests := []struct {
		name string
		j    evidence.Jurisdiction
		sent time.Time
		want string // due date, "" for none
	}{
		{"EU: 31 January + 1 month is 28 February, a Saturday", evidence.EU,
			time.Date(2026, 1, 31, 10, 0, 0, 0, time.UTC), "2026-03-02"},
		{"UK: the ICO's example, 3 October is a Saturday", evidence.UK,
			time.Date(2026, 9, 3, 10, 0, 0, 0, london), "2026-10-05"},
		{"CN: 30 days end on Sunday 20 December", evidence.CN,
			time.Date(2026, 11, 20, 10, 0, 0, 0, time.FixedZone("CST", 8*3600)), "2026-12-21"},
		{"US: the 30 days the letter asked for", evidence.US,
			time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC), "2026-12-21"},
		{"OTHER: none until the user sets one", evidence.Other,
			time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := testCase(tt.j, evidence.TopupNotCredited)
			a := Assess(Input{Case: c, Events: []evidence.Event{recordsEv("req", tt.sent)}}, tt.sent.Add(time.Hour))
			d := find(a.Deadlines, lower(c.Jurisdiction)+".records-reply")
			if find(a.Deadlines, lower(c.Jurisdiction)+".complaint-reply") != nil {
				t.Errorf("a records request started the complaint clock: %v", ruleIDs(a.Deadlines))
			}
			if a.Position != NotStarted {
				t.Errorf("Position after a records request = %s, want %s (it is not a complaint)", a.Position, NotStarted)
			}
			if tt.want == "" {
				if d != nil {
					t.Errorf("records deadline = %v, want none", d.Due)
				}
				return
			}
			if d == nil {
				t.Fatalf("no records deadline in %v", ruleIDs(a.Deadlines))
			}
			if got := d.Due.Format(evidence.DateLayout); got != tt.want || d.Clock != ClockRecordsReply || d.EventID != "req" {
				t.Errorf("records deadline = %s %s from %q, want %s", got, d.Clock, d.EventID, tt.want)
			}
			if clk, ok := forms.RecordsClockFor(tt.j); ok && clk.Months+clk.Days > 0 {
				if due, _ := clk.Due(tt.sent, nil); due.Format(evidence.DateLayout) != tt.want {
					t.Errorf("forms.RecordsClockFor(%s).Due = %s, escalation says %s", tt.j, due.Format(evidence.DateLayout), tt.want)
				}
			}
			// A reply from the provider meets it.
			reply := responseEv("reply", tt.sent.AddDate(0, 0, 7), evidence.ToProvider, false)
			a = Assess(Input{Case: c, Events: []evidence.Event{recordsEv("req", tt.sent), reply}}, tt.sent.AddDate(0, 0, 8))
			if d := find(a.Deadlines, lower(c.Jurisdiction)+".records-reply"); d == nil || d.Status != Met || d.MetBy != "reply" {
				t.Errorf("records deadline after the reply = %+v, want met by the reply", d)
			}
		})
	}
}

// The UK six-month limit for the ombudsman runs from a final response only
// when that response told the user of it: the case's own answer decides,
// and a final response date on the case stands for a missing entry.
func TestFinalResponseFromTheCase(t *testing.T) {
	complaint := letterEv("complaint", time.Date(2026, 10, 1, 10, 0, 0, 0, time.UTC), evidence.ToProvider)
	tagged := responseFrom("final", time.Date(2026, 10, 20, 10, 0, 0, 0, time.UTC), evidence.ToProvider, "", true, "six-months")
	untagged := responseEv("final", time.Date(2026, 10, 20, 10, 0, 0, 0, time.UTC), evidence.ToProvider, true)
	tests := []struct {
		name     string
		date     string
		mentions string
		events   []evidence.Event
		want     string // due date of uk.ombudsman-refer-within, "" for none
	}{
		{"tagged entry, nothing on the case", "", "", []evidence.Event{complaint, tagged}, "2027-04-20"},
		{"untagged entry, nothing on the case", "", "", []evidence.Event{complaint, untagged}, ""},
		{"untagged entry, the case says it mentioned the ombudsman", "", evidence.Yes, []evidence.Event{complaint, untagged}, "2027-04-20"},
		{"tagged entry, the case says it did not", "", evidence.No, []evidence.Event{complaint, tagged}, ""},
		{"no entry, the case's date and answer", "2026-10-22", evidence.Yes, []evidence.Event{complaint}, "2027-04-22"},
		{"no entry, the case's date without the notice", "2026-10-22", "", []evidence.Event{complaint}, ""},
		{"the entry wins over the case's date", "2026-10-22", evidence.Yes, []evidence.Event{complaint, untagged}, "2027-04-20"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := testCase(evidence.UK, evidence.RefundRefused)
			c.FinalResponse, c.FinalMentionsOmbudsman = tt.date, tt.mentions
			a := Assess(Input{Case: c, Events: tt.events}, time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC))
			d := find(a.Deadlines, "uk.ombudsman-refer-within")
			got := ""
			if d != nil {
				got = d.Due.Format(evidence.DateLayout)
			}
			if got != tt.want {
				t.Errorf("uk.ombudsman-refer-within due = %q, want %q", got, tt.want)
			}
			if tt.date != "" {
				// The ombudsman is available from the final response.
				if o := find(a.Deadlines, "uk.ombudsman-after"); o == nil || o.Status != Available {
					t.Errorf("uk.ombudsman-after = %+v, want available after the final response", o)
				}
			}
		})
	}
}

func lower(j evidence.Jurisdiction) string { return strings.ToLower(string(j)) }
