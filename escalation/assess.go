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
	// Rights are the rights of the case's jurisdiction for its problem
	// kind ("Your rights").
	Rights []Right `json:"rights"`
	// Warnings are standing cautions about the case's route (CN: 12315 or
	// the consumer association; US: record when the CFPB sent the
	// complaint on).
	Warnings []Warning `json:"warnings,omitempty"`
}

// Assess derives the ladder position, the deadlines, the next step, the
// checklists, the rights and the standing warnings of a case as they stand
// at now.
//
// Ladder: self-check is done by an event tagged "self-check" (or
// "self-check-<step>", "自查") or by any contact on or after the incident
// date; customer service by any contact; the formal complaint by a letter
// to the provider, a contact tagged "complaint" ("投诉") or a final
// response; the optional public post by a social-media contact tagged
// "public" ("公开") after the complaint; then a letter to an association,
// (CN) a complaint to the 12315 platform, a letter to a regulator, and an
// event tagged "legal" ("lawyer", "律师"). Which body a letter went to is
// told by [BodyOf].
//
// Clocks (see the rule table and docs/RULES.md): the provider's own
// promises start from pending transactions, emails, the in-app complaint
// form and agents' promised-by times; the law's from the incident date,
// the first notice to the provider, the formal complaint, the final
// response, the 12315 complaint and its acceptance, and the regulator
// sending the complaint on. Only the law decides when a body may be
// approached; a date from which the user may act is "available since",
// never overdue.
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
		Rights:    Rights(in.Case.Jurisdiction, in.Case.Problem),
		Warnings:  tl.caseWarnings(),
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
	reasonClosed             = "esc.reason.closed"
	reasonSelfCheck          = "esc.reason.self-check"
	reasonContactSupport     = "esc.reason.contact-support"
	reasonWindowRunning      = "esc.reason.window-running"   // {date}
	reasonWindowPassed       = "esc.reason.window-passed"    // {date}
	reasonFormalComplaint    = "esc.reason.formal-complaint" //
	reasonPromiseRunning     = "esc.reason.promise-running"  // {date}
	reasonPromiseBroken      = "esc.reason.promise-broken"   // {date}
	reasonReplyRunning       = "esc.reason.reply-running"    // {date}
	reasonReplyOverdue       = "esc.reason.reply-overdue"    // {date}
	reasonAnswered           = "esc.reason.answered"         // {date}
	reasonFinalResponse      = "esc.reason.final-response"   // {date}
	reasonFinalReferBy       = "esc.reason.final-refer-by"   // {date} {due}
	reasonNoWindow           = "esc.reason.no-window"
	reasonComplainFirst      = "esc.reason.complain-first"
	reasonOmbudsmanFrom      = "esc.reason.ombudsman-from"      // {date}
	reasonOmbudsmanAvailable = "esc.reason.ombudsman-available" // {date}
	reasonErrorRunning       = "esc.reason.error-running"       // {date} {final}
	reasonErrorOverdue       = "esc.reason.error-overdue"       // {date}
	reasonCFPBAnytime        = "esc.reason.cfpb-anytime"
	reasonPlatformRunning    = "esc.reason.platform-running"  // {date}
	reasonPlatformOverdue    = "esc.reason.platform-overdue"  // {date}
	reasonMediationRunning   = "esc.reason.mediation-running" // {date}
	reasonMediationEnded     = "esc.reason.mediation-ended"   // {date}
	reasonRegulator          = "esc.reason.regulator"
	reasonRegulatorCN        = "esc.reason.regulator-cn"
	reasonRegulatorRunning   = "esc.reason.regulator-running" // {date}
	reasonRecordForwarded    = "esc.reason.record-forwarded"
	reasonLegal              = "esc.reason.legal"
	reasonLegalUnderway      = "esc.reason.legal-underway"
)

var reasonKeys = []string{reasonClosed, reasonSelfCheck, reasonContactSupport, reasonWindowRunning,
	reasonWindowPassed, reasonFormalComplaint, reasonPromiseRunning, reasonPromiseBroken, reasonReplyRunning,
	reasonReplyOverdue, reasonAnswered, reasonFinalResponse, reasonFinalReferBy, reasonNoWindow,
	reasonComplainFirst, reasonOmbudsmanFrom, reasonOmbudsmanAvailable, reasonErrorRunning, reasonErrorOverdue,
	reasonCFPBAnytime, reasonPlatformRunning, reasonPlatformOverdue, reasonMediationRunning, reasonMediationEnded,
	reasonRegulator, reasonRegulatorCN, reasonRegulatorRunning, reasonRecordForwarded, reasonLegal, reasonLegalUnderway}

func date(t time.Time) string { return t.Format(evidence.DateLayout) }

// stepAfterComplaint is the body a jurisdiction's complaints go to once
// the provider has had its chance: the 12315 platform in China, the
// ombudsman (FOS) in the UK, the CFPB in the US, the provider's ADR body
// in the EU, a consumer body elsewhere.
func stepAfterComplaint(j evidence.Jurisdiction) Step {
	switch j {
	case evidence.CN:
		return Platform
	case evidence.UK, evidence.US:
		return Regulator
	}
	return ConsumerAssociation
}

// next picks the next step from the position and the deadlines. Only the
// law (or a window the user set) decides when a body may be approached;
// the provider's own promises only time the first contacts.
func (tl *timeline) next(ds []Deadline, pos Step, now time.Time) NextStep {
	find := func(match func(Deadline) bool) *Deadline {
		for _, d := range ds {
			if match(d) {
				return &d
			}
		}
		return nil
	}
	law := func(cs ...Clock) func(Deadline) bool {
		return func(d Deadline) bool { return d.Nature != ProviderPromise && slices.Contains(cs, d.Clock) }
	}
	waitOn := func(step Step, d *Deadline, running, passed string) NextStep {
		key := running
		if now.After(d.Due) {
			key = passed
		}
		return NextStep{Step: step, Reason: key, Args: []string{"date", date(d.Due)}, From: d.Due, Deadline: d}
	}
	on := func(step Step, key string, d *Deadline, args ...string) NextStep {
		return NextStep{Step: step, Reason: key, Args: append([]string{"date", date(d.Due)}, args...), From: d.Due, Deadline: d}
	}

	c := tl.c
	j := c.Jurisdiction
	if c.Status == evidence.Resolved || c.Status == evidence.Closed {
		return NextStep{Step: Done, Reason: reasonClosed, From: c.Updated}
	}
	if (pos == ConsumerAssociation || pos == Platform || pos == Regulator) && tl.complaint == nil && tl.final == nil {
		first := tl.association
		for _, e := range []*evidence.Event{tl.platform, tl.regulator} {
			if e != nil && (first == nil || e.At.Before(first.At)) {
				first = e
			}
		}
		return NextStep{Step: FormalComplaint, Reason: reasonComplainFirst, From: first.At}
	}
	// The UK's consumer body (Citizens Advice) only advises: after it, the
	// complaint still goes to the ombudsman on the same clocks.
	if pos == ConsumerAssociation && j == evidence.UK {
		pos = FormalComplaint
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
		step := stepAfterComplaint(j)
		if f := tl.final; f != nil {
			n := NextStep{Step: step, Reason: reasonFinalResponse, Args: []string{"date", date(f.At)}, From: f.At}
			if d := find(func(d Deadline) bool { return law(ClockOmbudsmanReferWithin)(d) && d.Open() }); d != nil {
				n.Deadline = d
				if !now.After(d.Due) {
					n.Reason = reasonFinalReferBy
					n.Args = append(n.Args, "due", date(d.Due))
				}
			}
			return n
		}
		switch j {
		case evidence.UK:
			// The ombudsman may take the case 15 business days after the
			// complaint (35 after a holding reply), or at the final response.
			if d := find(law(ClockOmbudsmanAfter)); d != nil {
				if d.Status == Available {
					return on(step, reasonOmbudsmanAvailable, d)
				}
				return on(step, reasonOmbudsmanFrom, d)
			}
		case evidence.US:
			// Regulation E: the institution has 10 business days to
			// investigate (or credit provisionally); the CFPB takes
			// complaints at any time.
			if d := find(law(ClockErrorInvestigation)); d != nil {
				switch {
				case d.MetBy != "":
					at := tl.byID(d.MetBy).At
					return NextStep{Step: step, Reason: reasonAnswered, Args: []string{"date", date(at)}, From: at, Deadline: d}
				case now.After(d.Due):
					return on(step, reasonErrorOverdue, d)
				}
				final := find(law(ClockErrorFinal))
				args := []string{}
				if final != nil {
					args = []string{"final", date(final.Due)}
				}
				return on(step, reasonErrorRunning, d, args...)
			}
			return NextStep{Step: step, Reason: reasonCFPBAnytime, From: tl.complaint.At}
		}
		gate := find(law(ClockComplaintReply, ClockComplaintReplyExtended))
		switch {
		case gate == nil:
			return NextStep{Step: step, Reason: reasonNoWindow, From: tl.complaint.At}
		case gate.MetBy != "":
			at := tl.byID(gate.MetBy).At
			return NextStep{Step: step, Reason: reasonAnswered, Args: []string{"date", date(at)}, From: at}
		}
		return waitOn(step, gate, reasonReplyRunning, reasonReplyOverdue)

	case ConsumerAssociation:
		key := reasonRegulator
		if j == evidence.CN {
			key = reasonRegulatorCN
		}
		return NextStep{Step: Regulator, Reason: key, From: tl.association.At}

	case Platform:
		if d := find(law(ClockPlatformMediation)); d != nil {
			if d.Status == Available {
				return on(Regulator, reasonMediationEnded, d)
			}
			return on(Regulator, reasonMediationRunning, d)
		}
		if d := find(law(ClockPlatformAccept)); d != nil && d.Open() {
			return waitOn(Regulator, d, reasonPlatformRunning, reasonPlatformOverdue)
		}
		return NextStep{Step: Regulator, Reason: reasonRegulatorCN, From: tl.platform.At}

	case Regulator:
		if d := find(func(d Deadline) bool {
			return law(ClockRegulatorReply, ClockRegulatorClose)(d) && d.Open() && !now.After(d.Due)
		}); d != nil {
			return NextStep{Step: Legal, Reason: reasonRegulatorRunning, Args: []string{"date", date(d.Due)},
				From: d.Due, Deadline: d}
		}
		if j == evidence.US && tl.forwarded == nil && BodyOf(j, tl.regulator) == "us.cfpb" {
			return NextStep{Step: Legal, Reason: reasonRecordForwarded, From: tl.regulator.At}
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
