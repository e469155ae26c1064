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
	// Reached lists the rungs of LadderFor(c.Jurisdiction) the timeline
	// shows as taken, in ladder order. Unlike the position (the highest
	// rung reached), it leaves out rungs passed over: the optional public
	// post when none was made, and in China whichever of the consumer
	// association and the 12315 platform was not used.
	Reached []Step
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
	complained := tl.complaint != nil || tl.final != nil
	taken := map[Step]bool{
		SelfCheck:           tl.selfCheck != nil,
		CustomerService:     tl.firstCS != nil,
		FormalComplaint:     complained,
		PublicPost:          tl.public != nil && complained,
		ConsumerAssociation: tl.association != nil,
		Platform:            tl.platform != nil,
		Regulator:           tl.regulator != nil,
		Legal:               tl.legal != nil,
	}
	for _, s := range LadderFor(c.Jurisdiction) {
		if taken[s] {
			l.Reached = append(l.Reached, s)
		}
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
