package escalation

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"redress/evidence"
)

// Input is a case with everything its assessment depends on.
type Input struct {
	Case evidence.Case
	// Events is the case's timeline in any order; archived events are
	// ignored.
	Events []evidence.Event
	// Overrides replace rule windows for this case, by rule ID; a zero
	// Duration switches a rule off. The OTHER jurisdiction's rules have no
	// window until they are overridden.
	Overrides map[string]Duration
	// Calendar is the business-day calendar of the case's jurisdiction;
	// nil means weekends only.
	Calendar *Calendar
}

// NextStep is what the user should do next, why, and from when.
type NextStep struct {
	Step   Step     `json:"step"`
	Reason string   `json:"reason"`         // translation key
	Args   []string `json:"args,omitempty"` // name, value pairs for Reason's {placeholders}; dates as YYYY-MM-DD
	// From is when the step becomes allowed or advisable (it may be in the
	// past: then the step is due now).
	From time.Time `json:"from"`
	// Deadline is the clock the step waits on or must beat, if any.
	Deadline *Deadline `json:"deadline,omitempty"`
}

// Assessment is what Assess derives for one case.
type Assessment struct {
	Position  Step       `json:"position"` // the highest rung reached
	Next      NextStep   `json:"next"`
	Deadlines []Deadline `json:"deadlines"` // sorted by Due
	Checklist Checklist  `json:"checklist"` // evidence for the problem kind
	SelfCheck Checklist  `json:"self_check"`
}

// Assess derives the ladder position, the deadlines, the next step and the
// checklists of a case as they stand at now.
//
// Ladder: self-check is done by an event tagged "self-check" (or
// "self-check-<step>", "自查") or by any contact on or after the incident
// date; customer service by any contact; the formal complaint by a letter
// to the provider, a contact tagged "complaint" ("投诉") or a final
// response; the optional public post by a social-media contact tagged
// "public" ("公开") after the complaint; then a letter to an association, a
// letter to a regulator, and an event tagged "legal" ("lawyer", "律师").
//
// Deadlines start from: each pending transaction (top-up, withdrawal);
// each outbound email; the first formal complaint (the provider's own
// 24-hour expectation, the statutory reply and, where a holding reply came
// in time, the extended reply; UK: ombudsman after 8 weeks; EU: ADR within
// a year); the first final response (UK: ombudsman within 6 months); the
// first letter to an association (CN: the platform's decision) or to a
// regulator (US: CFPB response and closing); and each contact's promised-by
// time. A promise is kept when a response from the provider, an inbound
// contact or a transaction is recorded after the contact and no later than
// the promised time; it is broken (Overdue, or Late once something came)
// otherwise.
func Assess(in Input, now time.Time) Assessment {
	tl := newTimeline(in.Case, in.Events)
	ds := tl.deadlines(in.Calendar, in.Overrides, now)
	pos := tl.position()
	return Assessment{
		Position:  pos,
		Next:      tl.next(ds, pos, now),
		Deadlines: ds,
		Checklist: tl.check(EvidenceItems(in.Case.Problem), items),
		SelfCheck: tl.check(SelfCheckItems(), nil),
	}
}

// Alert is one case in the needs-attention list.
type Alert struct {
	Case     evidence.Case `json:"case"`
	Deadline Deadline      `json:"deadline"` // the case's most urgent deadline needing attention
	Overdue  int           `json:"overdue"`  // how many of its deadlines are overdue and need attention
	Next     NextStep      `json:"next"`
}

// Attention lists the cases with a deadline that needs attention (open,
// and if overdue not yet reacted to), one alert per case, most urgent
// first: overdue ones first, the longest overdue at the top, then the ones
// due soonest. Resolved, closed and archived cases are left out.
func Attention(cases []Input, now time.Time) []Alert {
	var out []Alert
	for _, in := range cases {
		if in.Case.Status == evidence.Resolved || in.Case.Status == evidence.Closed || in.Case.Archived != nil {
			continue
		}
		a := Assess(in, now)
		alert := Alert{Case: in.Case, Next: a.Next}
		found := false
		for _, d := range a.Deadlines {
			if !d.NeedsAttention() {
				continue
			}
			if !found {
				alert.Deadline, found = d, true
			}
			if d.Status == Overdue {
				alert.Overdue++
			}
		}
		if found {
			out = append(out, alert)
		}
	}
	slices.SortStableFunc(out, func(a, b Alert) int {
		return cmp.Or(a.Deadline.Due.Compare(b.Deadline.Due), strings.Compare(a.Case.ID, b.Case.ID))
	})
	return out
}

// Reason keys of NextStep, with their placeholders.
const (
	reasonClosed           = "esc.reason.closed"
	reasonSelfCheck        = "esc.reason.self-check"
	reasonContactSupport   = "esc.reason.contact-support"
	reasonWindowRunning    = "esc.reason.window-running"   // {date}
	reasonWindowPassed     = "esc.reason.window-passed"    // {date}
	reasonFormalComplaint  = "esc.reason.formal-complaint" //
	reasonPromiseRunning   = "esc.reason.promise-running"  // {date}
	reasonPromiseBroken    = "esc.reason.promise-broken"   // {date}
	reasonReplyRunning     = "esc.reason.reply-running"    // {date}
	reasonReplyOverdue     = "esc.reason.reply-overdue"    // {date}
	reasonAnswered         = "esc.reason.answered"         // {date}
	reasonFinalResponse    = "esc.reason.final-response"   // {date}
	reasonFinalReferBy     = "esc.reason.final-refer-by"   // {date} {due}
	reasonNoWindow         = "esc.reason.no-window"
	reasonComplainFirst    = "esc.reason.complain-first"
	reasonPlatformRunning  = "esc.reason.platform-running" // {date}
	reasonRegulator        = "esc.reason.regulator"
	reasonRegulatorCN      = "esc.reason.regulator-cn"
	reasonRegulatorRunning = "esc.reason.regulator-running" // {date}
	reasonLegal            = "esc.reason.legal"
	reasonLegalUnderway    = "esc.reason.legal-underway"
)

var reasonKeys = []string{reasonClosed, reasonSelfCheck, reasonContactSupport, reasonWindowRunning,
	reasonWindowPassed, reasonFormalComplaint, reasonPromiseRunning, reasonPromiseBroken, reasonReplyRunning,
	reasonReplyOverdue, reasonAnswered, reasonFinalResponse, reasonFinalReferBy, reasonNoWindow,
	reasonComplainFirst, reasonPlatformRunning, reasonRegulator, reasonRegulatorCN, reasonRegulatorRunning,
	reasonLegal, reasonLegalUnderway}

func date(t time.Time) string { return t.Format(evidence.DateLayout) }

// next picks the next step from the position and the deadlines.
func (tl *timeline) next(ds []Deadline, pos Step, now time.Time) NextStep {
	find := func(match func(Deadline) bool) *Deadline {
		for _, d := range ds {
			if match(d) {
				return &d
			}
		}
		return nil
	}
	clock := func(cs ...Clock) func(Deadline) bool {
		return func(d Deadline) bool { return slices.Contains(cs, d.Clock) }
	}
	waitOn := func(step Step, d *Deadline, running, passed string) NextStep {
		key := running
		if now.After(d.Due) {
			key = passed
		}
		return NextStep{Step: step, Reason: key, Args: []string{"date", date(d.Due)}, From: d.Due, Deadline: d}
	}

	c := tl.c
	if c.Status == evidence.Resolved || c.Status == evidence.Closed {
		return NextStep{Step: Done, Reason: reasonClosed, From: c.Updated}
	}
	if (pos == ConsumerAssociation || pos == Regulator) && tl.complaint == nil && tl.final == nil {
		first := tl.association
		if first == nil || (tl.regulator != nil && tl.regulator.At.Before(first.At)) {
			first = tl.regulator
		}
		return NextStep{Step: FormalComplaint, Reason: reasonComplainFirst, From: first.At}
	}
	switch pos {
	case NotStarted:
		return NextStep{Step: SelfCheck, Reason: reasonSelfCheck, From: tl.start()}

	case SelfCheck:
		if d := find(func(d Deadline) bool {
			return d.Open() && (d.Clock == ClockTopupCredit || d.Clock == ClockContactSupportAfter)
		}); d != nil {
			return waitOn(CustomerService, d, reasonWindowRunning, reasonWindowPassed)
		}
		return NextStep{Step: CustomerService, Reason: reasonContactSupport, From: tl.selfCheck.At}

	case CustomerService:
		if d := find(func(d Deadline) bool { return d.Clock == ClockPromise && d.Status == Overdue }); d != nil {
			return NextStep{Step: FormalComplaint, Reason: reasonPromiseBroken, Args: []string{"date", date(d.Due)},
				From: d.Due, Deadline: d}
		}
		if d := find(func(d Deadline) bool { return d.Clock == ClockPromise && d.Open() }); d != nil {
			return waitOn(FormalComplaint, d, reasonPromiseRunning, reasonPromiseBroken)
		}
		return NextStep{Step: FormalComplaint, Reason: reasonFormalComplaint, From: tl.firstCS.At}

	case FormalComplaint, PublicPost:
		step := ConsumerAssociation
		if c.Jurisdiction == evidence.UK || c.Jurisdiction == evidence.US {
			step = Regulator // the ombudsman (FOS) or the CFPB is the designated next body
		}
		if f := tl.final; f != nil {
			n := NextStep{Step: step, Reason: reasonFinalResponse, Args: []string{"date", date(f.At)}, From: f.At}
			if d := find(func(d Deadline) bool { return d.Clock == ClockOmbudsmanReferWithin && d.Open() }); d != nil {
				n.Deadline = d
				if !now.After(d.Due) {
					n.Reason = reasonFinalReferBy
					n.Args = append(n.Args, "due", date(d.Due))
				}
			}
			return n
		}
		// The provider's time is up at the earliest of the statutory reply
		// (or extended reply) and, in the UK, the ombudsman's 8 weeks.
		gate := find(func(d Deadline) bool {
			r, ok := Lookup(d.RuleID)
			return ok && !r.Expectation() && (d.Clock == ClockComplaintReply || d.Clock == ClockComplaintReplyExtended ||
				d.Clock == ClockOmbudsmanAfter)
		})
		if gate == nil {
			gate = find(clock(ClockComplaintReply))
		}
		switch {
		case gate == nil:
			return NextStep{Step: step, Reason: reasonNoWindow, From: tl.complaint.At}
		case gate.MetBy != "":
			at := tl.byID(gate.MetBy).At
			return NextStep{Step: step, Reason: reasonAnswered, Args: []string{"date", date(at)}, From: at}
		}
		return waitOn(step, gate, reasonReplyRunning, reasonReplyOverdue)

	case ConsumerAssociation:
		if d := find(func(d Deadline) bool { return d.Clock == ClockPlatformAccept && d.Open() }); d != nil && !now.After(d.Due) {
			return NextStep{Step: Regulator, Reason: reasonPlatformRunning, Args: []string{"date", date(d.Due)},
				From: d.Due, Deadline: d}
		}
		key := reasonRegulator
		if c.Jurisdiction == evidence.CN {
			key = reasonRegulatorCN
		}
		return NextStep{Step: Regulator, Reason: key, From: tl.association.At}

	case Regulator:
		if d := find(func(d Deadline) bool {
			return (d.Clock == ClockRegulatorReply || d.Clock == ClockRegulatorClose) && d.Open() && !now.After(d.Due)
		}); d != nil {
			return NextStep{Step: Legal, Reason: reasonRegulatorRunning, Args: []string{"date", date(d.Due)},
				From: d.Due, Deadline: d}
		}
		return NextStep{Step: Legal, Reason: reasonLegal, From: tl.regulator.At}
	}
	return NextStep{Step: Legal, Reason: reasonLegalUnderway, From: tl.legal.At}
}

func (tl *timeline) byID(id string) *evidence.Event {
	for i := range tl.events {
		if tl.events[i].ID == id {
			return &tl.events[i]
		}
	}
	return &evidence.Event{}
}
