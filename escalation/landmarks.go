package escalation

import (
	"time"

	"redress/evidence"
)

// Landmarks are the moments of a case's timeline that decide when the
// optional public post may be suggested (post.Suggest): the formal
// complaint, the provider's final response and the public post itself,
// each found by the same rules Assess uses. A zero time means none.
type Landmarks struct {
	Complaint time.Time // the first formal complaint to the provider
	Final     time.Time // the provider's first final response (after the complaint when there is one)
	Public    time.Time // the first social-media contact tagged "public" ("公开")
	PublicID  string    // that contact's event ID
}

// LandmarksOf finds the landmarks of a case's timeline (any order;
// archived events are ignored).
func LandmarksOf(c evidence.Case, events []evidence.Event) Landmarks {
	tl := newTimeline(c, events)
	var l Landmarks
	if tl.complaint != nil {
		l.Complaint = tl.complaint.At
	}
	if tl.final != nil {
		l.Final = tl.final.At
	}
	if tl.public != nil {
		l.Public, l.PublicID = tl.public.At, tl.public.ID
	}
	return l
}

// ComplaintReplyDue is when the provider's answer to the formal complaint
// is due under the law (or the window the user set for an OTHER case): the
// complaint-reply deadline — the extended one when a holding reply came in
// time — or, for a US error, Regulation E's investigation deadline. The
// provider's own promises never count. ok is false when no such clock runs.
func ComplaintReplyDue(as Assessment) (due time.Time, ok bool) {
	for _, d := range as.Deadlines {
		if d.Nature == ProviderPromise {
			continue
		}
		switch d.Clock {
		case ClockComplaintReply, ClockComplaintReplyExtended, ClockErrorInvestigation:
			if !ok || d.Due.After(due) {
				due, ok = d.Due, true
			}
		}
	}
	return due, ok
}
