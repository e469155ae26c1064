package escalation

import (
	"slices"
	"testing"
	"time"

	"redress/evidence"
)

// TestLandmarksReached: the rungs taken are those the timeline shows,
// not every rung below the position: a skipped public post, and in China
// the consumer association or the 12315 platform not used, stay unticked.
func TestLandmarksReached(t *testing.T) {
	cst := time.FixedZone("CST", 8*3600)
	at := func(d, h int) time.Time { return time.Date(2026, 11, d, h, 0, 0, 0, cst) }
	chat := evidence.Event{ID: "c", Kind: evidence.KindContact, At: at(20, 10), Contact: &evidence.Contact{Channel: evidence.Chat}}
	complaint := evidence.Event{ID: "l", Kind: evidence.KindLetter, At: at(21, 10), Letter: &evidence.Letter{To: evidence.ToProvider}}
	post := evidence.Event{ID: "p", Kind: evidence.KindContact, At: at(30, 20), Tags: []string{"public"},
		Contact: &evidence.Contact{Channel: evidence.Social, Direction: evidence.Outbound}}
	platform := evidence.Event{ID: "x", Kind: evidence.KindLetter, At: at(30, 21), Tags: []string{"12315"},
		Letter: &evidence.Letter{To: evidence.ToRegulator}}
	early := post
	early.ID, early.At = "p0", at(20, 9) // before any complaint: not the public step
	tests := []struct {
		name   string
		j      evidence.Jurisdiction
		events []evidence.Event
		want   []Step
		public string
	}{
		{"complaint only", evidence.CN, []evidence.Event{chat, complaint},
			[]Step{SelfCheck, CustomerService, FormalComplaint}, ""},
		{"posted", evidence.UK, []evidence.Event{chat, complaint, post},
			[]Step{SelfCheck, CustomerService, FormalComplaint, PublicPost}, "p"},
		{"CN 12315 without the association or a post", evidence.CN, []evidence.Event{chat, complaint, platform},
			[]Step{SelfCheck, CustomerService, FormalComplaint, Platform}, ""},
		{"a post before the complaint is not the public step", evidence.CN, []evidence.Event{early, chat},
			[]Step{SelfCheck, CustomerService}, "p0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := evidence.Case{Jurisdiction: tt.j, Problem: evidence.TopupNotCredited, Incident: "2026-11-20"}
			l := LandmarksOf(c, tt.events)
			if !slices.Equal(l.Reached, tt.want) || l.PublicID != tt.public {
				t.Errorf("LandmarksOf(%s).Reached = %v (public %q), want %v (%q)", tt.name, l.Reached, l.PublicID, tt.want, tt.public)
			}
		})
	}
}

// TestComplaintReplyDue: the law's complaint-reply date (the extended one
// after a holding reply, Regulation E's for a US error), never the
// provider's own promise.
func TestComplaintReplyDue(t *testing.T) {
	d := func(day int) time.Time { return time.Date(2026, 12, day, 23, 59, 59, 0, time.UTC) }
	tests := []struct {
		name string
		ds   []Deadline
		want time.Time
		ok   bool
	}{
		{"none", nil, time.Time{}, false},
		{"only the in-app promise", []Deadline{{Clock: ClockInAppComplaintReply, Nature: ProviderPromise, Due: d(1)}}, time.Time{}, false},
		{"law", []Deadline{{Clock: ClockInAppComplaintReply, Nature: ProviderPromise, Due: d(1)},
			{Clock: ClockComplaintReply, Nature: Law, Due: d(17)}}, d(17), true},
		{"extended", []Deadline{{Clock: ClockComplaintReplyExtended, Nature: Law, Due: d(31)}}, d(31), true},
		{"US error", []Deadline{{Clock: ClockErrorInvestigation, Nature: Law, Due: d(9)}, {Clock: ClockErrorFinal, Nature: Law, Due: d(30)}}, d(9), true},
		{"OTHER, the user's window", []Deadline{{Clock: ClockComplaintReply, Nature: UserSet, Due: d(5)}}, d(5), true},
		{"ombudsman dates do not count", []Deadline{{Clock: ClockOmbudsmanAfter, Nature: Law, Effect: YouMayAct, Due: d(20)}}, time.Time{}, false},
	}
	for _, tt := range tests {
		got, ok := ComplaintReplyDue(Assessment{Deadlines: tt.ds})
		if !got.Equal(tt.want) || ok != tt.ok {
			t.Errorf("ComplaintReplyDue(%s) = %v, %v; want %v, %v", tt.name, got, ok, tt.want, tt.ok)
		}
	}
}
