package escalation

import (
	"slices"
	"strings"
	"time"

	"redress/evidence"
)

// Step is a rung of the escalation ladder.
type Step string

// The ladder, in order, and the two positions off it. Each step has the
// translation key "esc.step.<step>".
const (
	NotStarted          Step = "not-started" // nothing on the ladder is done yet
	SelfCheck           Step = "self-check"
	CustomerService     Step = "customer-service"
	FormalComplaint     Step = "formal-complaint"
	PublicPost          Step = "public-post" // optional; never proposed as the next step
	ConsumerAssociation Step = "association"
	Regulator           Step = "regulator" // financial regulator or ombudsman
	Legal               Step = "legal"
	Done                Step = "done" // the case is resolved or closed
)

// Ladder lists the rungs in order.
var Ladder = []Step{SelfCheck, CustomerService, FormalComplaint, PublicPost, ConsumerAssociation, Regulator, Legal}

// Key is the step's translation key.
func (s Step) Key() string { return "esc.step." + string(s) }

// Tags Redress reads from the timeline (event tags are compared in lower
// case; each English tag also has a Chinese alias).
var (
	tagsSelfCheck = []string{"self-check", "自查"}
	tagsComplaint = []string{"complaint", "投诉"}
	tagsPublic    = []string{"public", "公开"}
	tagsLegal     = []string{"legal", "lawyer", "律师"}
)

// timeline is the case's live events in time order with the landmarks the
// rules start from.
type timeline struct {
	c      evidence.Case
	events []evidence.Event

	selfCheck   *evidence.Event // first self-check note (or contact standing in for it)
	firstCS     *evidence.Event // first contact of any kind
	complaint   *evidence.Event // first formal complaint
	final       *evidence.Event // first final response from the provider (after the complaint when there is one)
	public      *evidence.Event // first public social post
	association *evidence.Event // first letter to an association
	regulator   *evidence.Event // first letter to a regulator
	legal       *evidence.Event // first event tagged legal
}

// newTimeline drops archived events and events without a time, sorts the
// rest by time (then ID) and finds the landmarks.
func newTimeline(c evidence.Case, events []evidence.Event) *timeline {
	tl := &timeline{c: c}
	tl.events = evidence.Active(events)
	incident, hasIncident := time.Time{}, false
	if t, err := time.Parse(evidence.DateLayout, c.Incident); err == nil {
		incident, hasIncident = t, true
	}
	for i := range tl.events {
		e := &tl.events[i]
		first := func(p **evidence.Event) {
			if *p == nil {
				*p = e
			}
		}
		if hasTag(e, tagsSelfCheck) || hasTagPrefix(e, "self-check-") {
			first(&tl.selfCheck)
		}
		if hasTag(e, tagsLegal) {
			first(&tl.legal)
		}
		switch e.Kind {
		case evidence.KindContact:
			first(&tl.firstCS)
			if hasTag(e, tagsComplaint) {
				first(&tl.complaint)
			}
			if e.Contact != nil && e.Contact.Channel == evidence.Social && hasTag(e, tagsPublic) {
				first(&tl.public)
			}
			// Any contact after the incident shows the user tried first.
			if !hasIncident || dayOf(e.At) >= dayOf(incident) {
				first(&tl.selfCheck)
			}
		case evidence.KindLetter:
			switch party(e) {
			case evidence.ToProvider:
				first(&tl.complaint)
			case evidence.ToAssociation:
				first(&tl.association)
			case evidence.ToRegulator:
				first(&tl.regulator)
			}
		}
	}
	for i := range tl.events {
		e := &tl.events[i]
		if e.Kind == evidence.KindResponse && isFinal(e) &&
			(tl.complaint == nil || !e.At.Before(tl.complaint.At)) {
			tl.final = e
			break
		}
	}
	if tl.final == nil && tl.complaint != nil {
		// A final response before the recorded complaint still counts.
		for i := range tl.events {
			e := &tl.events[i]
			if isFinal(e) {
				tl.final = e
				break
			}
		}
	}
	return tl
}

// position is the highest rung the timeline shows as reached. A final
// response from the provider implies a formal complaint.
func (tl *timeline) position() Step {
	switch {
	case tl.legal != nil:
		return Legal
	case tl.regulator != nil:
		return Regulator
	case tl.association != nil:
		return ConsumerAssociation
	case tl.public != nil && (tl.complaint != nil || tl.final != nil):
		return PublicPost
	case tl.complaint != nil || tl.final != nil:
		return FormalComplaint
	case tl.firstCS != nil:
		return CustomerService
	case tl.selfCheck != nil:
		return SelfCheck
	}
	return NotStarted
}

// start is when the case began: its first event, else its creation time.
func (tl *timeline) start() time.Time {
	if len(tl.events) > 0 {
		return tl.events[0].At
	}
	return tl.c.Created
}

func party(e *evidence.Event) string {
	if e.Letter == nil || e.Letter.To == "" {
		return evidence.ToProvider
	}
	return e.Letter.To
}

func from(e *evidence.Event) string {
	if e.Response == nil || e.Response.From == "" {
		return evidence.ToProvider
	}
	return e.Response.From
}

// isFinal reports whether e is a final response from the provider.
func isFinal(e *evidence.Event) bool {
	return e.Kind == evidence.KindResponse && e.Response != nil && e.Response.Final && from(e) == evidence.ToProvider
}

func hasTag(e *evidence.Event, tags []string) bool {
	for _, t := range e.Tags {
		if slices.Contains(tags, strings.ToLower(strings.TrimSpace(t))) {
			return true
		}
	}
	return false
}

func hasTagPrefix(e *evidence.Event, prefix string) bool {
	for _, t := range e.Tags {
		if strings.HasPrefix(strings.ToLower(strings.TrimSpace(t)), prefix) {
			return true
		}
	}
	return false
}
